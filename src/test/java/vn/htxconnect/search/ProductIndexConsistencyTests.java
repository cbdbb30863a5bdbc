package vn.htxconnect.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * The consistency check finds documents changed behind the application's back (deleted, replaced
 * by an old version, resurrected after archiving) straight in Elasticsearch, and repair fixes them.
 */
@IntegrationTest
class ProductIndexConsistencyTests {

    private static final String CHECK = """
            mutation($repair: Boolean, $org: ID) { checkProductIndex(input: {repair: $repair, organizationId: $org}) { errors { code }
              report { index checked indexed repaired
                       missing { count productIds } stale { count productIds } orphaned { count productIds } } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;

    @org.junit.jupiter.api.BeforeEach
    void signInAsAdmin() {
        graphQl = vn.htxconnect.testing.TestData.asAdmin(anonymous);
    }
    @Autowired
    ElasticsearchClient client;
    @Value("${htx.search.index-prefix}")
    String prefix;

    @Test
    void detectsMissingStaleAndOrphanedDocumentsAndRepairsThem() throws Exception {
        String tag = TestData.unique("cc");
        String org = TestData.createOrganization(graphQl, "HTX Bưởi Da Xanh " + tag, "COOPERATIVE", "Bến Tre");
        String deleted = TestData.createProduct(graphQl, org, "Bưởi da xanh " + tag, "FRUIT_CITRUS", Map.of());
        String stale = TestData.createProduct(graphQl, org, "Bưởi năm roi " + tag, "FRUIT_CITRUS", Map.of());
        String archived = TestData.createProduct(graphQl, org, "Bưởi cũ " + tag, "FRUIT_CITRUS", Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchTagged(graphQl, "buoi " + tag, tag, null)).hasSize(3));
        Map<String, Object> oldStale = source(stale);
        Map<String, Object> oldArchived = source(archived);
        graphQl.document("mutation($id: ID!) { updateProduct(input: {id: $id, name: $name}) { errors { code } } }"
                        .replace("$name", "\"Bưởi Năm Roi Vĩnh Long " + tag + "\""))
                .variable("id", stale).execute().path("updateProduct.errors").entityList(Object.class).hasSize(0);
        graphQl.document("mutation($id: ID!) { archiveProduct(input: {id: $id}) { errors { code } } }")
                .variable("id", archived).execute().path("archiveProduct.errors").entityList(Object.class).hasSize(0);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchTagged(graphQl, "buoi " + tag, tag, null))
                        .containsExactlyInAnyOrder("Bưởi da xanh " + tag, "Bưởi Năm Roi Vĩnh Long " + tag));

        // Behind the application's back: one document deleted, one replaced by its old version, one resurrected.
        String alias = prefix + "products";
        client.delete(d -> d.index(alias).id(id(deleted)).refresh(Refresh.True));
        client.index(i -> i.index(alias).id(id(stale)).document(oldStale).refresh(Refresh.True));
        client.index(i -> i.index(alias).id(id(archived)).document(oldArchived).refresh(Refresh.True));

        // Scoped to the cooperative: exact, and independent of whatever else the shared test catalogue holds.
        HttpGraphQlTester.Response report = graphQl.document(CHECK).variable("repair", false).variable("org", org).execute();
        report.path("checkProductIndex.errors").entityList(Object.class).hasSize(0);
        assertThat(ids(report, "missing")).containsExactly(deleted);
        assertThat(ids(report, "stale")).containsExactly(stale);
        assertThat(ids(report, "orphaned")).containsExactly(archived);
        report.path("checkProductIndex.report.repaired").entity(Integer.class).isEqualTo(0);
        report.path("checkProductIndex.report.checked").entity(Integer.class).isEqualTo(3);
        report.path("checkProductIndex.report.indexed").entity(Integer.class).isEqualTo(2);
        // Only reporting changed nothing.
        assertThat(TestData.searchTagged(graphQl, "buoi " + tag, tag, null))
                .containsExactlyInAnyOrder("Bưởi năm roi " + tag, "Bưởi cũ " + tag);

        HttpGraphQlTester.Response repaired = graphQl.document(CHECK).variable("repair", true).variable("org", org).execute();
        repaired.path("checkProductIndex.report.repaired").entity(Integer.class).isEqualTo(3);
        assertThat(TestData.searchTagged(graphQl, "buoi " + tag, tag, null))
                .containsExactlyInAnyOrder("Bưởi da xanh " + tag, "Bưởi Năm Roi Vĩnh Long " + tag);

        HttpGraphQlTester.Response after = graphQl.document(CHECK).variable("repair", false).variable("org", org).execute();
        for (String kind : List.of("missing", "stale", "orphaned")) {
            assertThat(ids(after, kind)).isEmpty();
        }
    }

    private List<String> ids(HttpGraphQlTester.Response response, String kind) {
        return response.path("checkProductIndex.report." + kind + ".productIds").entityList(String.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> source(String productId) throws Exception {
        return new HashMap<>(client.get(g -> g.index(prefix + "products").id(id(productId)), Map.class).source());
    }

    private static String id(String globalId) {
        return String.valueOf(GlobalId.decode("id", globalId, "Product"));
    }
}
