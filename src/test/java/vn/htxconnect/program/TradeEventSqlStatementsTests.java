package vn.htxconnect.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.program.TradeEventTests.Party;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** A page of 8 events with their participants, products, leads and outcomes costs what a page of 2 does. */
@IntegrationTest
class TradeEventSqlStatementsTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    SqlStatementCounter sql;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventListsCostAFixedNumberOfStatements() {
        HttpGraphQlTester alliance = TradeEventTests.alliance(anonymous);
        Party coop = TradeEventTests.register(anonymous, "COOPERATIVE", "HTX Chè ", "Thái Nguyên");
        Party chain = TradeEventTests.register(anonymous, "RETAIL_CHAIN", "Chuỗi Sạch ", "Hà Nội");
        String organiser = TestData.createOrganization(anonymous, TestData.unique("Liên minh HTX tỉnh "), "PARTNER", "Thái Nguyên");
        String tea = TestData.createProduct(anonymous, coop.organizationId(), "Chè Tân Cương " + TestData.unique("c"), "TEA", Map.of());
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        for (int i = 0; i < 8; i++) {
            Map<String, Object> in = new java.util.HashMap<>(TradeEventTests.fair(TestData.unique("Hội chợ chè "), "Thái Nguyên",
                    today, today.plusDays(1 + i % 3)));
            in.put("organiserOrganizationId", organiser);
            String event = alliance.document(TradeEventTests.CREATE).variable("i", in).execute()
                    .path("createTradeEvent.tradeEvent.id").entity(String.class).get();
            coop.as().document(TradeEventTests.REGISTER)
                    .variable("i", TradeEventTests.registration(event, coop.organizationId(), "EXHIBITOR", "A" + i, List.of(tea)))
                    .execute().path("registerForTradeEvent.errors").entityList(Object.class).hasSize(0);
            chain.as().document(TradeEventTests.REGISTER)
                    .variable("i", TradeEventTests.registration(event, chain.organizationId(), "VISITOR", null, null))
                    .execute().path("registerForTradeEvent.errors").entityList(Object.class).hasSize(0);
            chain.as().document(TradeEventTests.LEAD).variable("i", Map.of("eventId", event, "buyerOrganizationId",
                            chain.organizationId(), "supplierOrganizationId", coop.organizationId(), "productId", tea))
                    .execute().path("recordTradeEventLead.errors").entityList(Object.class).hasSize(0);
        }
        TestData.awaitOutboxDrained(jdbc);

        String list = """
                query($o: ID!, $n: Int) { tradeEvents(filter: {organizationId: $o}, first: $n) { totalCount edges { node {
                  name status province { name } organiser { name }
                  participants(first: 10) { totalCount edges { node { role booth organization { name } products { name } event { name } } } }
                  productsShown(first: 5) { totalCount edges { node { name } } }
                  leads(first: 5) { totalCount edges { node { note buyer { name } supplier { name } product { name } conversation { id } linkage { id } } } }
                  outcomes { participants leads inquiries linkages } } } } }""";
        int small = count(chain.as(), list, coop.organizationId(), 2);
        String smallSql = String.join("\n", sql.statements());
        int large = count(chain.as(), list, coop.organizationId(), 8);
        assertThat(large).as(smallSql + "\n----\n" + String.join("\n", sql.statements())).isEqualTo(small);
        // Caller and memberships; count, page and rows of events; per field of the page: participants (page and
        // count), their organizations, products (IDs and rows) and events; products shown (page, count, rows);
        // leads (page, count), their organizations, products, events and linkages; organisers; outcomes (four).
        assertThat(large).as(String.join("\n", sql.statements())).isLessThanOrEqualTo(26);
        assertThat(String.join("\n", sql.statements())).contains("UNION ALL").containsIgnoringCase("FROM supply_linkage");
    }

    private int count(HttpGraphQlTester as, String document, String org, int first) {
        sql.reset();
        as.document(document).variable("o", org).variable("n", first).execute()
                .path("tradeEvents.edges").entityList(Object.class).hasSize(first)
                .path("tradeEvents.edges[0].node.outcomes.participants").entity(Integer.class).isEqualTo(2);
        return sql.count();
    }
}
