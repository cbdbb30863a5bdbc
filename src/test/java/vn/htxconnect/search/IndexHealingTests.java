package vn.htxconnect.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import vn.htxconnect.search.internal.IndexManager;
import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * The product index heals itself: deleted under the running app (Elasticsearch lost its data), it is noticed
 * within a check, rebuilt from MySQL in the background while search answers from what exists and says so in
 * {@code extensions.searchIndex}, and health reports it DEGRADED (HTTP 200) until it holds every product again.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}healing-",
        "htx.search.heal-index=true",
        "htx.search.heal-interval=1s",
        "htx.search.heal-tolerance=5",
        "spring.datasource.url=" + DedicatedDatabase.URL + "healing" + DedicatedDatabase.OPTIONS})
class IndexHealingTests {

    private static final Status DEGRADED = new Status("DEGRADED");

    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    IndexManager indices;
    @Autowired
    ApplicationContext context;
    @Autowired
    HealthEndpoint health;
    @Autowired
    HealthEndpointGroups healthGroups;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() throws Exception {
        DedicatedDatabase.emptyOnce(context);
        graphQl = TestData.asAdmin(anonymous);
    }

    @Test
    void anIndexDeletedUnderTheRunningAppIsRebuiltWhileSearchAndHealthSaySo() throws Exception {
        String tag = TestData.unique("heal");
        List<String> names = createProducts(tag, 30);
        awaitHealthy();
        long expected = activeProducts();
        String alias = indices.alias(IndexManager.PRODUCTS);

        client.indices().delete(d -> d.index(alias + "_v*"));

        // Searches go on answering, without an error, and say why their results are thin.
        GraphQlResponse first = search(tag);
        assertThat(first.getErrors()).isEmpty();
        assertThat(searchIndex(first)).as("extensions.searchIndex right after the loss").isNotNull()
                .containsEntry("expected", (int) expected)
                .hasEntrySatisfying("state", s -> assertThat(s).isIn("MISSING", "REBUILDING"));

        // While the rebuild runs: health DEGRADED (answered 200), searches carry the rebuild's state.
        Set<String> seen = ConcurrentHashMap.newKeySet();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            IndicatedHealthDescriptor h = productIndexHealth();
            if (h.getStatus().equals(DEGRADED)) {
                seen.add("health " + h.getDetails().get("state"));
                assertThat(h.getDetails()).containsEntry("expected", expected).containsKeys("indexed", "lastCheck");
            }
            GraphQlResponse r = search(tag);
            assertThat(r.getErrors()).isEmpty();
            Map<String, Object> ext = searchIndex(r);
            if (ext != null) {
                seen.add("search " + ext.get("state"));
            }
            return seen.contains("health REBUILDING") && seen.contains("search REBUILDING");
        });
        assertThat(healthGroups.getPrimary().getHttpCodeStatusMapper().getStatusCode(DEGRADED)).isEqualTo(200);

        // Then everything is back: every product indexed, health UP, searches whole and unmarked.
        awaitHealthy();
        assertThat(client.count(c -> c.index(alias)).count()).isEqualTo(expected);
        assertThat(TestData.searchTagged(graphQl, "chè " + tag, tag, null)).containsExactlyInAnyOrderElementsOf(names);
        GraphQlResponse after = search(tag);
        assertThat(searchIndex(after)).isNull();
        assertThat(indices.aliasTargets(IndexManager.PRODUCTS)).singleElement().asString().matches(".*_v\\d+");
    }

    @Test
    void aProductWrittenWhileTheIndexIsMissingCreatesNoGuessedIndexAndIsFoundAfterTheRebuild() throws Exception {
        String tag = TestData.unique("healw");
        String org = TestData.createOrganization(graphQl, "HTX Chè Suối Giàng " + tag, "COOPERATIVE", "Yên Bái");
        TestData.createProduct(graphQl, org, "Chè Shan tuyết " + tag, "TEA", Map.of());
        awaitHealthy();
        String alias = indices.alias(IndexManager.PRODUCTS);

        client.indices().delete(d -> d.index(alias + "_v*"));
        String written = "Chè búp Suối Giàng " + tag;
        TestData.createProduct(graphQl, org, written, "TEA", Map.of());

        // Whatever appears under the alias's name meanwhile is a version built from the definition (strict mapping),
        // never an index Elasticsearch created on its own from the written document.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            for (String name : client.indices().get(g -> g.index(alias + "*").ignoreUnavailable(true)
                    .allowNoIndices(true)).indices().keySet()) {
                assertThat(name).as("index under %s", alias).matches(java.util.regex.Pattern.quote(alias) + "_v\\d+");
            }
            assertThat(TestData.searchTagged(graphQl, "chè " + tag, tag, null))
                    .containsExactlyInAnyOrder("Chè Shan tuyết " + tag, written);
        });
        awaitHealthy();
        String live = indices.aliasTargets(IndexManager.PRODUCTS).getFirst();
        var mapping = client.indices().getMapping(g -> g.index(alias)).mappings().get(live).mappings();
        assertThat(mapping.dynamic()).isEqualTo(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict);
        assertThat(client.count(c -> c.index(alias)).count()).isEqualTo(activeProducts());
    }

    private List<String> createProducts(String tag, int n) {
        String org = TestData.createOrganization(graphQl, "HTX Chè Tân Cương " + tag, "COOPERATIVE", "Thái Nguyên");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "Chè búp " + tag + " " + i;
            TestData.createProduct(graphQl, org, name, "TEA", Map.of());
            names.add(name);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TestData.searchTagged(graphQl, "chè " + tag, tag, null)).hasSize(n));
        return names;
    }

    private void awaitHealthy() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            IndicatedHealthDescriptor h = productIndexHealth();
            assertThat(h.getStatus()).isEqualTo(Status.UP);
            assertThat(h.getDetails()).containsEntry("indexed", activeProducts());
        });
    }

    private IndicatedHealthDescriptor productIndexHealth() {
        return (IndicatedHealthDescriptor) health.healthForPath("productIndex");
    }

    private long activeProducts() {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM product p JOIN organization o ON o.id = p.organization_id
                WHERE p.status = 'ACTIVE' AND o.status = 'ACTIVE'""", Long.class);
    }

    private GraphQlResponse search(String tag) {
        return anonymous.document("query($q: String) { searchProducts(query: $q, first: 5) { totalCount } }")
                .variable("q", "chè " + tag).execute().returnResponse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> searchIndex(GraphQlResponse response) {
        return (Map<String, Object>) response.getExtensions().get("searchIndex");
    }
}
