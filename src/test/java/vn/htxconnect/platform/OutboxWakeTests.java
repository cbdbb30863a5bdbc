package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Events committed on this instance are drained right after their commit, not at the next poll: with the poll an
 * hour away, a new product is still searchable within moments. Its own database and indices, so no other test
 * context's dispatcher drains this outbox.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "htx.outbox.poll-interval=1h",
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}wake-",
        "spring.datasource.url=" + DedicatedDatabase.URL + "wake" + DedicatedDatabase.OPTIONS})
class OutboxWakeTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommittedWriteIsIndexedWithoutWaitingForThePoll() throws Exception {
        // The scheduled poll runs once, a second after start, and then not for an hour.
        Thread.sleep(2_000);
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String tag = TestData.unique("wake");
        String org = TestData.createOrganization(admin, "HTX Thức " + tag, "COOPERATIVE", "Lâm Đồng");
        long started = System.nanoTime();
        TestData.createProduct(admin, org, "Cà phê Cầu Đất " + tag, "COFFEE", Map.of());
        // Handled (indexed, and its match discovery run) without a poll; the product's index is made by that first
        // write, which may take Elasticsearch a moment more to open for searches on a busy machine.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Integer.class) == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> TestData.searchNames(admin, tag, null).stream().anyMatch(n -> n.contains(tag)));
    }
}
