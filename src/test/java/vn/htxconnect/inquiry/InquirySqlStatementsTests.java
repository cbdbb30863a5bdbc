package vn.htxconnect.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.inquiry.InquirySupport.Party;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** An inbox page of 20 conversations with organizations, stats, products and messages costs what a page of 3 does. */
@IntegrationTest
class InquirySqlStatementsTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    SqlStatementCounter sql;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void inboxStatementsDoNotGrowWithPageSize() {
        Party supplier = InquirySupport.register(anonymous, "COOPERATIVE", "HTX ");
        String product = TestData.createProduct(anonymous, supplier.organizationId(), "Hồ tiêu", "SPICES_PEPPER", Map.of());
        for (int b = 0; b < 4; b++) {
            Party buyer = InquirySupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi ");
            for (int i = 0; i < 5; i++) {
                String id = InquirySupport.start(buyer, supplier.organizationId(), Map.of("subjectId", product))
                        .path("startInquiry.conversation.id").entity(String.class).get();
                InquirySupport.send(supplier.as(), id, "Trả lời " + i);
            }
        }
        TestData.awaitOutboxDrained(jdbc);
        int small = statements(supplier, 3);
        String smallSql = sql.statements().toString();
        int large = statements(supplier, 20);
        assertThat(large).as(smallSql + "\n----\n" + sql.statements()).isEqualTo(small);
        // Caller, memberships, page, count, messages, organizations, products, response stats.
        assertThat(large).isLessThanOrEqualTo(8);
    }

    private int statements(Party supplier, int first) {
        sql.reset();
        supplier.as().document("""
                query($o: ID!, $n: Int) { conversations(filter: {organizationId: $o}, first: $n) { totalCount edges { node {
                  subject unreadCount lastMessagePreview product { name }
                  buyer { name kind responseStats { responseRate } } supplier { name responseStats { medianFirstResponseSeconds } }
                  messages(first: 5) { totalCount edges { node { body readByRecipient } } } } } } }""")
                .variable("o", supplier.organizationId()).variable("n", first).execute()
                .path("conversations.edges").entityList(Object.class).hasSize(first)
                .path("conversations.edges[0].node.messages.edges").entityList(Object.class).hasSize(2);
        return sql.count();
    }
}
