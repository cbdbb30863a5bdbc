package vn.htxconnect.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.inquiry.InquirySupport.Party;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** The daily inquiry limit and the response statistics, on rows with explicit timestamps. */
@IntegrationTest
class InquiryLimitsAndStatsTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ResponseStatsService stats;

    @Test
    void aBuyerStartsAtMostTwentyInquiriesInTwentyFourHours() {
        Party buyer = InquirySupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi ");
        Party supplier = InquirySupport.register(anonymous, "COOPERATIVE", "HTX ");
        long b = GlobalId.decode("id", buyer.organizationId(), "Organization");
        long s = GlobalId.decode("id", supplier.organizationId(), "Organization");
        Instant now = Instant.now();
        insert(b, s, now.minus(Duration.ofHours(25)), null); // outside the window: does not count
        for (int i = 0; i < 19; i++) {
            insert(b, s, now.minus(Duration.ofHours(23)).plusSeconds(i), null);
        }
        InquirySupport.start(buyer, supplier.organizationId(), Map.of()).path("startInquiry.errors").entityList(Object.class).hasSize(0);
        int count = jdbc.queryForObject("SELECT COUNT(*) FROM conversation WHERE buyer_org_id = ?", Integer.class, b);

        HttpGraphQlTester.Response refused = buyer.as().mutate().header("Accept-Language", "en").build()
                .document(InquirySupport.START)
                .variable("i", Map.of("supplierId", supplier.organizationId(), "subject", "Lần nữa", "message", "Xin chào"))
                .execute();
        assertThat(InquiryFlowTests.codes(refused)).containsExactly("RATE_LIMITED");
        assertThat(refused.returnResponse().getErrors().getFirst().getMessage())
                .isEqualTo("Your organization may start at most 20 inquiries in 24 hours; try again in 60 minutes");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM conversation WHERE buyer_org_id = ?", Integer.class, b)).isEqualTo(count);
        // Other buyers are not affected.
        Party other = InquirySupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi khác ");
        InquirySupport.start(other, supplier.organizationId(), Map.of()).path("startInquiry.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void responseRateAndMedianFirstResponseTimeCountTheLastNinetyDays() {
        long supplier = GlobalId.decode("id", TestData.createOrganization(anonymous, TestData.unique("HTX "), "COOPERATIVE", "Gia Lai"), "Organization");
        String supplierId = GlobalId.encode("Organization", supplier);
        long buyer = GlobalId.decode("id", TestData.createOrganization(anonymous, TestData.unique("Chuỗi "), "RETAIL_CHAIN", "Hà Nội"), "Organization");
        Instant now = Instant.now();
        Instant tenDaysAgo = now.minus(Duration.ofDays(10));
        insert(buyer, supplier, tenDaysAgo, tenDaysAgo.plus(Duration.ofHours(1)));
        insert(buyer, supplier, tenDaysAgo, tenDaysAgo.plus(Duration.ofHours(2)));
        insert(buyer, supplier, tenDaysAgo, tenDaysAgo.plus(Duration.ofHours(3)));
        insert(buyer, supplier, tenDaysAgo, tenDaysAgo.plus(Duration.ofHours(50))); // answered, but late
        insert(buyer, supplier, tenDaysAgo, null);                                   // never answered
        insert(buyer, supplier, now.minus(Duration.ofHours(1)), null);               // still inside its window: not counted
        Instant old = now.minus(Duration.ofDays(100));
        insert(buyer, supplier, old, old.plus(Duration.ofDays(5)));                  // outside the period

        anonymous.document("query($id: ID!) { organization(id: $id) { responseStats { responseRate medianFirstResponseSeconds"
                        + " conversationCount answeredInTimeCount periodDays responseWindowHours } } }")
                .variable("id", supplierId).execute()
                .path("organization.responseStats.conversationCount").entity(Integer.class).isEqualTo(5)
                .path("organization.responseStats.answeredInTimeCount").entity(Integer.class).isEqualTo(3)
                .path("organization.responseStats.responseRate").entity(Double.class).isEqualTo(0.6)
                // Median of 1 h, 2 h, 3 h and 50 h: halfway between 2 h and 3 h.
                .path("organization.responseStats.medianFirstResponseSeconds").entity(Integer.class).isEqualTo(9000)
                .path("organization.responseStats.periodDays").entity(Integer.class).isEqualTo(90)
                .path("organization.responseStats.responseWindowHours").entity(Integer.class).isEqualTo(48);

        insert(buyer, supplier, tenDaysAgo, tenDaysAgo.plus(Duration.ofMinutes(30)));
        ResponseStats odd = stats.statsFor(java.util.List.of(supplier, buyer)).get(supplier);
        assertThat(odd.medianFirstResponseSeconds()).isEqualTo(7200L);
        assertThat(odd.conversationCount()).isEqualTo(6);
        ResponseStats none = stats.statsFor(java.util.List.of(buyer)).get(buyer);
        assertThat(none.responseRate()).isNull();
        assertThat(none.medianFirstResponseSeconds()).isNull();
        assertThat(none.conversationCount()).isZero();
    }

    private void insert(long buyer, long supplier, Instant createdAt, Instant firstResponseAt) {
        jdbc.update("""
                INSERT INTO conversation (buyer_org_id, supplier_org_id, title, created_at, last_message_at, message_count, first_response_at)
                VALUES (?, ?, 'Lịch sử', ?, ?, 1, ?)""", buyer, supplier, Timestamp.from(createdAt), Timestamp.from(createdAt),
                firstResponseAt == null ? null : Timestamp.from(firstResponseAt));
    }
}
