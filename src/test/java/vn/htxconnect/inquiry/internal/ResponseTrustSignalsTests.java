package vn.htxconnect.inquiry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.organization.TrustSignalSource;
import vn.htxconnect.organization.TrustSignals;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Matching's trust factor reads the response rate, but only once enough inquiries are counted. */
@IntegrationTest
class ResponseTrustSignalsTests {

    @Autowired
    List<TrustSignalSource> sources;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HttpGraphQlTester anonymous;

    @Test
    void theResponseRateCountsFromThreeCountedInquiriesOn() {
        long buyer = org("Chuỗi ", "RETAIL_CHAIN");
        long fewAnswers = org("HTX ít hỏi ", "COOPERATIVE");
        long answers = org("HTX trả lời ", "COOPERATIVE");
        long silent = org("HTX im lặng ", "COOPERATIVE");
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        insert(buyer, fewAnswers, tenDaysAgo, tenDaysAgo.plus(Duration.ofHours(1)));
        insert(buyer, fewAnswers, tenDaysAgo, null);
        for (int i = 0; i < 3; i++) {
            insert(buyer, answers, tenDaysAgo, tenDaysAgo.plus(Duration.ofHours(2)));
        }
        insert(buyer, answers, tenDaysAgo, null);
        for (int i = 0; i < 3; i++) {
            insert(buyer, silent, tenDaysAgo, null);
        }

        Map<Long, TrustSignals> signals = sources.stream().filter(ResponseTrustSignals.class::isInstance).findFirst()
                .orElseThrow().signalsFor(List.of(fewAnswers, answers, silent));
        assertThat(signals).doesNotContainKey(fewAnswers);
        assertThat(signals.get(answers).responseRate()).isEqualTo(0.75);
        assertThat(signals.get(silent).responseRate()).isEqualTo(0.0);
        assertThat(signals.get(answers).activeLinkages()).isNull();
    }

    private long org(String prefix, String kind) {
        return GlobalId.decode("id", TestData.createOrganization(anonymous, TestData.unique(prefix), kind, "Đồng Tháp"), "Organization");
    }

    private void insert(long buyer, long supplier, Instant createdAt, Instant firstResponseAt) {
        jdbc.update("""
                INSERT INTO conversation (buyer_org_id, supplier_org_id, title, created_at, last_message_at, message_count, first_response_at)
                VALUES (?, ?, 'Lịch sử', ?, ?, 1, ?)""", buyer, supplier, Timestamp.from(createdAt), Timestamp.from(createdAt),
                firstResponseAt == null ? null : Timestamp.from(firstResponseAt));
    }
}
