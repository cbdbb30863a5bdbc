package vn.htxconnect.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** The full reindex through the admin API: a new index version behind the alias, nothing lost. */
@IntegrationTest
class ReindexTests {

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
    void reindexSwapsTheAliasToANewVersionAndEveryActiveProductIsStillFound() throws Exception {
        String tag = TestData.unique("rx");
        String org = TestData.createOrganization(graphQl, "HTX Chè Tân Cương " + tag, "COOPERATIVE", "Thái Nguyên");
        for (int i = 0; i < 3; i++) {
            TestData.createProduct(graphQl, org, "Chè búp Tân Cương " + tag + " " + i, "TEA", Map.of());
        }
        String archived = TestData.createProduct(graphQl, org, "Chè cũ " + tag, "TEA", Map.of());
        graphQl.document("mutation($id: ID!) { archiveProduct(input: {id: $id}) { errors { code } } }")
                .variable("id", archived).execute().path("archiveProduct.errors").entityList(Object.class).hasSize(0);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchTagged(graphQl, "che " + tag, tag, null)).hasSize(3));
        List<String> before = aliasTargets();

        HttpGraphQlTester.Response started = graphQl.document("""
                mutation { reindexProducts(input: {clientMutationId: "r1"}) {
                  job { id kind status } errors { code } clientMutationId } }""").execute();
        started.path("reindexProducts.errors").entityList(Object.class).hasSize(0)
                .path("reindexProducts.clientMutationId").entity(String.class).isEqualTo("r1")
                .path("reindexProducts.job.kind").entity(String.class).isEqualTo("PRODUCT_REINDEX");
        String jobId = started.path("reindexProducts.job.id").entity(String.class).get();

        Map<String, Object> job = awaitFinished(jobId);
        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("error", null);
        assertThat(((Number) job.get("processed")).longValue()).isEqualTo(((Number) job.get("total")).longValue())
                .isGreaterThanOrEqualTo(4);
        assertThat(((Number) job.get("docsPerSecond")).doubleValue()).isPositive();

        List<String> after = aliasTargets();
        assertThat(after).containsExactly((String) job.get("index"));
        assertThat(version(after.getFirst())).isGreaterThan(version(before.getFirst()));
        assertThat(client.indices().exists(e -> e.index(before)).value()).as("old index deleted").isFalse();
        assertThat(TestData.searchTagged(graphQl, "che " + tag, tag, null)).containsExactlyInAnyOrder(
                "Chè búp Tân Cương " + tag + " 0", "Chè búp Tân Cương " + tag + " 1", "Chè búp Tân Cương " + tag + " 2");
        // Search settings are back after the load: new writes become visible within seconds.
        TestData.createProduct(graphQl, org, "Chè móc câu " + tag, "TEA", Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, "che moc cau " + tag, null)).first().isEqualTo("Chè móc câu " + tag));
        graphQl.document("query($id: ID!) { node(id: $id) { ... on SearchJob { status } } }").variable("id", jobId)
                .execute().path("node.status").entity(String.class).isEqualTo("SUCCEEDED");
    }

    @Test
    void unknownJobIsNotFound() {
        graphQl.document("{ searchJob(id: \"U2VhcmNoSm9iOjk5OTk5OTk5\") { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "NOT_FOUND")));
    }

    private Map<String, Object> awaitFinished(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(job(jobId).get("status")));
        return job(jobId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> job(String jobId) {
        return graphQl.document("""
                query($id: ID!) { searchJob(id: $id) { status total processed caughtUp docsPerSecond index error } }""")
                .variable("id", jobId).execute().path("searchJob").entity(Map.class).get();
    }

    private List<String> aliasTargets() throws Exception {
        return List.copyOf(client.indices().getAlias(a -> a.name(prefix + "products")).aliases().keySet());
    }

    private static int version(String index) {
        return Integer.parseInt(index.substring(index.lastIndexOf("_v") + 2));
    }
}
