package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Start-up against an Elasticsearch that lost the product index, with products in MySQL: two app instances'
 * healers start together (this context's own healer is off; these two share its database and index), the index
 * is rebuilt by exactly one of them at once (not after the check interval, an hour here), and both end in line.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}healstart-",
        "spring.datasource.url=" + DedicatedDatabase.URL + "healstart" + DedicatedDatabase.OPTIONS})
class ProductIndexHealerStartupTests {

    @Autowired
    ElasticsearchClient client;
    @Autowired
    IndexManager indices;
    @Autowired
    ProductReindexer reindexer;
    @Autowired
    SearchJobs jobs;
    @Autowired
    ProductService products;
    @Autowired
    OrganizationService organizations;
    @Autowired
    Outbox outbox;
    @Autowired
    SearchProperties properties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    HttpGraphQlTester anonymous;

    @Test
    void startingWithoutTheIndexRebuildsItOnceAcrossInstances() throws Exception {
        DedicatedDatabase.emptyOnce(context);
        HttpGraphQlTester graphQl = TestData.asAdmin(anonymous);
        String tag = TestData.unique("heals");
        String org = TestData.createOrganization(graphQl, "HTX Cà phê " + tag, "COOPERATIVE", "Đắk Lắk");
        for (int i = 0; i < 20; i++) {
            TestData.createProduct(graphQl, org, "Cà phê Robusta " + tag + " " + i, "COFFEE", Map.of());
        }
        TestData.awaitOutboxDrained(jdbc);
        String alias = indices.alias(IndexManager.PRODUCTS);
        client.indices().delete(d -> d.index(alias + "_v*").ignoreUnavailable(true).allowNoIndices(true));
        long jobsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM search_job", Long.class);
        long expected = jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE status = 'ACTIVE'", Long.class);
        assertThat(expected).isGreaterThanOrEqualTo(20);

        SearchProperties healing = new SearchProperties(properties.indexPrefix(), false, true, Duration.ofHours(1), 5);
        ProductIndexHealer one = healer(healing);
        ProductIndexHealer two = healer(healing);
        try {
            one.start();
            two.start();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(one.snapshot().state()).isEqualTo(ProductIndexHealer.State.OK);
                assertThat(two.snapshot().state()).isEqualTo(ProductIndexHealer.State.OK);
            });
        } finally {
            one.stop();
            two.stop();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_job", Long.class)).as("rebuilds").isEqualTo(jobsBefore + 1);
        assertThat(one.snapshot().indexed()).isEqualTo(expected);
        assertThat(client.count(c -> c.index(alias)).count()).isEqualTo(expected);
        assertThat(TestData.searchTagged(graphQl, "cà phê robusta " + tag, tag, null)).hasSize(20);
    }

    private ProductIndexHealer healer(SearchProperties healing) {
        return new ProductIndexHealer(client, indices, reindexer, jobs, products, organizations, outbox, healing);
    }
}
