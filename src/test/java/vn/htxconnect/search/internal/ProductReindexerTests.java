package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.organization.OrganizationInput;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Changes made while a reindex loads go to the old index through the outbox; the catch-up after the
 * alias swap must carry them into the new one. The hook runs after the load, so the new index
 * certainly holds the old state until the catch-up.
 */
@IntegrationTest
class ProductReindexerTests {

    @Autowired
    ProductReindexer reindexer;
    @Autowired
    SearchJobs jobs;
    @Autowired
    ProductService products;
    @Autowired
    OrganizationService organizations;
    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;

    @org.junit.jupiter.api.BeforeEach
    void signInAsAdmin() {
        graphQl = vn.htxconnect.testing.TestData.asAdmin(anonymous);
    }

    @Test
    void changesMadeDuringTheReindexReachTheNewIndexAndASecondReindexIsRefused() {
        String tag = TestData.unique("cu");
        String org = TestData.createOrganization(graphQl, "HTX Vải thiều " + tag, "COOPERATIVE", "Bắc Giang");
        String renamed = TestData.createProduct(graphQl, org, "Vải thiều Lục Ngạn " + tag, "FRUIT_LYCHEE_LONGAN", Map.of());
        String archived = TestData.createProduct(graphQl, org, "Vải sấy khô " + tag, "PROCESSED_DRIED", Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchTagged(graphQl, "vai " + tag, tag, null)).hasSize(2));

        AtomicReference<Throwable> hookFailure = new AtomicReference<>();
        AtomicReference<List<Object>> refusal = new AtomicReference<>();
        SearchJob job = reindexer.start(() -> {
            try {
                refusal.set(graphQl.document("mutation { reindexProducts(input: {}) { job { id } errors { code message } } }")
                        .execute().path("reindexProducts.errors[*].code").entityList(Object.class).get());
                vn.htxconnect.platform.Access.asSystem(() -> {
                    products.update(input(renamed, "Vải thiều Thanh Hà " + tag));
                    products.archive(archived, null, null);
                    return organizations.update(new OrganizationInput(org, null, null, "HTX Vải thiều Lục Ngạn " + tag,
                            null, null, null, null, null, null, null, null, null, null, null, null, null, null));
                });
                // The outbox applies them to the index the alias still points at: the old one.
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                        assertThat(TestData.searchTagged(graphQl, "vai " + tag, tag, null))
                                .containsExactly("Vải thiều Thanh Hà " + tag));
            } catch (Throwable t) {
                hookFailure.set(t);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.find(job.databaseId()).orElseThrow().status()
                != SearchJob.Status.RUNNING);

        assertThat(hookFailure.get()).isNull();
        assertThat(refusal.get()).containsExactly("CONFLICT");
        SearchJob done = jobs.find(job.databaseId()).orElseThrow();
        assertThat(done.status()).isEqualTo(SearchJob.Status.SUCCEEDED);
        assertThat(done.caughtUp()).isGreaterThanOrEqualTo(2);
        // First: the tag is every run's own; other runs' "vải" may follow in the head-word tier.
        assertThat(TestData.searchTagged(graphQl, "vai " + tag, tag, null)).first().isEqualTo("Vải thiều Thanh Hà " + tag);
        // Found through its cooperative's new name alone: the lowest tier, below names that say "Lục Ngạn".
        assertThat(TestData.searchNames(graphQl, "luc ngan " + tag, null)).as("organization rename caught up")
                .contains("Vải thiều Thanh Hà " + tag);

        // After the reindex the outbox writes to the new index.
        vn.htxconnect.platform.Access.asSystem(() -> products.update(input(renamed, "Vải thiều chín sớm " + tag)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchTagged(graphQl, "vai " + tag, tag, null)).first().isEqualTo("Vải thiều chín sớm " + tag));
        assertThat(TestData.searchTagged(graphQl, "vai " + tag, tag, null)).doesNotContain("Vải thiều Thanh Hà " + tag);
    }

    private static ProductInput input(String id, String name) {
        return ProductInput.builder().id(id).name(name).build();
    }
}
