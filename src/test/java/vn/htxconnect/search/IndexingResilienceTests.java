package vn.htxconnect.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * While the index path is broken (the real index refuses writes), writes still succeed in MySQL,
 * index updates queue in the outbox with backoff, and the product becomes searchable once
 * Elasticsearch accepts writes again. No mock: Elasticsearch itself refuses.
 */
@IntegrationTest
class IndexingResilienceTests {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${htx.search.index-prefix}")
    String prefix;

    @AfterEach
    void unblock() throws Exception {
        client.indices().putSettings(s -> s.index(prefix + "products").settings(st -> st.blocks(b -> b.write(false))));
    }

    @Test
    void writesSucceedWhileTheIndexRefusesAndCatchUpAfterwards() throws Exception {
        String tag = TestData.unique("down");
        String org = TestData.createOrganization(graphQl, "HTX Gạo " + tag, "COOPERATIVE", "Sóc Trăng");
        TestData.createProduct(graphQl, org, "Warm-up " + tag, "RICE", Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, "warm up " + tag, null)).first().isEqualTo("Warm-up " + tag));

        client.indices().putSettings(s -> s.index(prefix + "products").settings(st -> st.blocks(b -> b.write(true))));
        TestData.createProduct(graphQl, org, "Gạo ST25 " + tag, "RICE_SPECIALTY", Map.of());

        // The write committed; its index update waits in the outbox and has been retried at least once.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE attempts > 0", Integer.class)).isPositive());
        assertThat(TestData.searchNames(graphQl, "gao st25 " + tag, null)).doesNotContain("Gạo ST25 " + tag);
        graphQl.document("{ searchProducts(query: \"x\") { totalCount } }").execute()
                .path("searchProducts.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isNotNegative());

        client.indices().putSettings(s -> s.index(prefix + "products").settings(st -> st.blocks(b -> b.write(false))));
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, "gao st25 " + tag, null)).first().isEqualTo("Gạo ST25 " + tag));
    }
}
