package vn.htxconnect.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.search.SearchMisses.Cause;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Searches that found nothing are counted with their cause, worked out against the real index: the buyer's
 * filters, or no product at all (drafts included, since they are not searchable). Text without letters or
 * digits is classified in {@code SearchMissClassifierTests}.
 */
@IntegrationTest
class UnmetSearchCauseTests {

    static final String SEARCH = """
            query($q: String, $f: ProductFilter, $first: Int, $after: String) {
              searchProducts(query: $q, filter: $f, first: $first, after: $after) { totalCount pageInfo { endCursor } } }""";
    static final String MISSES = """
            query($w: String, $c: UnmetSearchCause) {
              unmetSearches(first: 100, containing: $w, cause: $c) { query normalized cause searches } }""";
    static final String CAUSES = "{ unmetSearchCauses { cause searches texts } }";

    @Autowired
    HttpGraphQlTester anonymous;

    private HttpGraphQlTester.Response search(String q, Map<String, Object> filter, Integer first, String after) {
        return anonymous.document(SEARCH).variable("q", q).variable("f", filter).variable("first", first)
                .variable("after", after).execute();
    }

    private long total(String q, Map<String, Object> filter) {
        return search(q, filter, null, null).path("searchProducts.totalCount").entity(Long.class).get();
    }

    /** Waits for the cooperative's active product by browsing without words, which is never counted as a miss. */
    private void awaitListed(String organization) {
        await().atMost(Duration.ofSeconds(20)).until(() -> total(null, Map.of("organizationId", organization)) == 1);
    }

    @SuppressWarnings("rawtypes")
    private List<Map> misses(HttpGraphQlTester admin, String containing, Cause cause) {
        return admin.document(MISSES).variable("w", containing).variable("c", cause == null ? null : cause.name())
                .execute().path("unmetSearches").entityList(Map.class).get();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<Cause, long[]> causes(HttpGraphQlTester admin) {
        Map<Cause, long[]> out = new EnumMap<>(Cause.class);
        for (Map m : admin.document(CAUSES).execute().path("unmetSearchCauses").entityList(Map.class).get()) {
            out.put(Cause.valueOf((String) m.get("cause")),
                    new long[] {((Number) m.get("searches")).longValue(), ((Number) m.get("texts")).longValue()});
        }
        return out;
    }

    @Test
    @SuppressWarnings("rawtypes")
    void emptyFirstPagesAreCountedByCauseAndReadByCause() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        Map<Cause, long[]> before = causes(admin);
        assertThat(before.keySet()).as("every cause is listed, even with no searches").containsExactly(Cause.values());

        String listed = TestData.unique("qzv");
        String draftOnly = TestData.unique("qzw");
        String nowhere = TestData.unique("qzy");
        String coop = TestData.createOrganization(anonymous, TestData.unique("HTX Tiêu "), "COOPERATIVE", "Cao Bằng");
        TestData.createProduct(anonymous, coop, "Tiêu đen " + listed, "SPICES_PEPPER", Map.of());
        TestData.createProduct(anonymous, coop, "Tiêu sọ " + draftOnly, "SPICES_PEPPER", Map.of("status", "DRAFT"));
        awaitListed(coop);

        // A page with results is not a miss.
        String cursor = search(listed, null, 1, null).path("searchProducts.totalCount").entity(Long.class).isEqualTo(1L)
                .path("searchProducts.pageInfo.endCursor").entity(String.class).get();
        Map<String, Object> elsewhere = Map.of("province", "Hà Nội");
        // Nor is a later page, even an empty one.
        search(listed, elsewhere, 1, cursor).path("searchProducts.totalCount").entity(Long.class).isEqualTo(0L);
        assertThat(misses(admin, listed, null)).isEmpty();

        // The words find an active product in Cao Bằng; the province filter excludes it.
        assertThat(total(listed, elsewhere)).isZero();
        // Only drafts carry these words, and drafts are not searchable: as unlisted as words nobody uses.
        assertThat(total(draftOnly, null)).isZero();
        // Nonsense, with and without a filter: the count without the filter finds nothing either.
        assertThat(total(nowhere, null)).isZero();
        assertThat(total(nowhere, Map.of("province", "Hà Nội", "category", "SPICES"))).isZero();
        assertThat(misses(admin, listed, null)).singleElement().satisfies(m -> {
            assertThat(m.get("cause")).isEqualTo("FILTERED_OUT");
            assertThat(m.get("normalized")).isEqualTo(listed);
            assertThat(m.get("searches")).as("the empty second page was not counted").isEqualTo(1);
        });
        assertThat(misses(admin, draftOnly, null)).singleElement()
                .satisfies(m -> assertThat(m.get("cause")).isEqualTo("NOT_LISTED"));
        assertThat(misses(admin, nowhere, null)).singleElement().satisfies(m -> {
            assertThat(m.get("cause")).isEqualTo("NOT_LISTED");
            assertThat(m.get("searches")).isEqualTo(2);
        });
        // The cause argument keeps only that cause.
        assertThat(misses(admin, listed, Cause.FILTERED_OUT)).hasSize(1);
        assertThat(misses(admin, listed, Cause.NOT_LISTED)).isEmpty();
        assertThat(misses(admin, nowhere, Cause.FILTERED_OUT)).isEmpty();
        assertThat(misses(admin, null, Cause.NOT_LISTED)).extracting(m -> m.get("cause")).containsOnly("NOT_LISTED")
                .hasSizeGreaterThanOrEqualTo(2);

        // The per-cause summary moved by exactly these searches.
        Map<Cause, long[]> after = causes(admin);
        Map<Cause, long[]> delta = new HashMap<>();
        for (Cause c : Cause.values()) {
            delta.put(c, new long[] {after.get(c)[0] - before.get(c)[0], after.get(c)[1] - before.get(c)[1]});
        }
        assertThat(delta.get(Cause.FILTERED_OUT)).containsExactly(1, 1);
        assertThat(delta.get(Cause.NOT_LISTED)).containsExactly(3, 2);
        assertThat(delta.get(Cause.UNREADABLE)).containsExactly(0, 0);
        assertThat(delta.get(Cause.UNKNOWN)).containsExactly(0, 0);
    }

    @Test
    void theSameWordsMissedForTwoCausesAreTwoItems() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String word = TestData.unique("qzu");
        String coop = TestData.createOrganization(anonymous, TestData.unique("HTX Quế "), "COOPERATIVE", "Lào Cai");
        // Before the product is listed the words find nothing; once it is, a filter is what excludes it.
        assertThat(total(word, Map.of("province", "Hà Nội"))).isZero();
        TestData.createProduct(anonymous, coop, "Quế " + word, "SPICES", Map.of());
        awaitListed(coop);
        assertThat(total(word, Map.of("province", "Hà Nội"))).isZero();

        assertThat(misses(admin, word, null)).extracting(m -> m.get("cause"))
                .containsExactlyInAnyOrder("NOT_LISTED", "FILTERED_OUT");
    }
}
