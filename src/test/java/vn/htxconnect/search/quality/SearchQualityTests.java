package vn.htxconnect.search.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;


/**
 * Measures search quality on a fixed catalogue with graded judgments ({@code search-quality/}):
 * every judged query goes through GraphQL {@code searchProducts(first: 10)}, and nDCG@10 and
 * recall@10 (see {@link RankingMetrics}) must stay above the thresholds below, which sit just under
 * what the engine achieves, so a change that makes ranking worse fails here. A few rules buyers
 * notice at once are asserted on their own.
 *
 * <p>The catalogue lives in a database and index of its own ({@link JudgedCatalogueTest}), so
 * other tests' products never disturb the numbers. Run alone:
 * {@code ./mvnw verify -Dtest=SearchQualityTests -Dsurefire.failIfNoSpecifiedTests=false}; the
 * per-query table goes to standard output.
 */
@JudgedCatalogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQualityTests {

    static final double MIN_MEAN_NDCG = 0.96;
    static final double MIN_MEAN_RECALL = 0.955;
    static final double WEAK_QUERY_NDCG = 0.6;
    /** Known misses: "tieu den chu xe" ("xe" for "Sê" is too short to correct without false matches everywhere). */
    static final int MAX_WEAK_QUERIES = 2;
    private static final int K = 10;

    record Judgment(String query, String kind, Map<String, Integer> relevant) {
    }

    record Judgments(String description, List<Judgment> queries) {
    }

    record Result(Judgment judgment, List<String> refs, double ndcg, double recall) {
    }

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    JudgedCatalogue catalogue;

    private final Map<String, Result> results = new LinkedHashMap<>();
    private Judgments judgments;

    @BeforeAll
    void loadCatalogueAndRunJudgedQueries() throws IOException {
        catalogue.ensureLoadedAndIndexed();
        judgments = JudgedCatalogue.json().readValue(JudgedCatalogue.read("search-quality/judgments.json"), Judgments.class);
        for (Judgment j : judgments.queries()) {
            List<String> refs = search(j.query()).stream().map(n -> n.get("externalRef")).toList();
            results.put(j.query(), new Result(j, refs, RankingMetrics.ndcg(refs, j.relevant(), K),
                    RankingMetrics.recall(refs, j.relevant(), K)));
        }
        System.out.println(report());
    }

    @Test
    void judgedQuerySetIsBigAndVariedEnough() {
        assertThat(judgments.queries()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(judgments.queries().stream().map(Judgment::kind).distinct())
                .contains("accented", "unaccented", "typo", "regional", "one-way", "legacy-province", "cooperative", "multi-word");
    }

    @Test
    void meanNdcgAndRecallHoldTheirThresholds() {
        assertThat(mean(Result::ndcg)).as("mean nDCG@10").isGreaterThanOrEqualTo(MIN_MEAN_NDCG);
        assertThat(mean(Result::recall)).as("mean recall@10").isGreaterThanOrEqualTo(MIN_MEAN_RECALL);
        List<String> weak = results.values().stream().filter(r -> r.ndcg() < WEAK_QUERY_NDCG)
                .map(r -> r.judgment().query() + " " + r.refs()).toList();
        assertThat(weak).as("queries with nDCG@10 below %s", WEAK_QUERY_NDCG).hasSizeLessThanOrEqualTo(MAX_WEAK_QUERIES);
    }

    @Test
    void exactDiacriticsRankMushroomsFirstAndUnaccentedStillFindsThem() {
        Map<String, Integer> mushrooms = grades("nấm");
        assertThat(results.get("nấm").refs().subList(0, 3)).allSatisfy(ref ->
                assertThat(mushrooms.getOrDefault(ref, 0)).as(ref).isGreaterThanOrEqualTo(2));
        assertThat(results.get("nam").refs().stream().filter(ref -> mushrooms.getOrDefault(ref, 0) >= 2).count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void pandanLeafIsNotPineapple() {
        Map<String, Integer> pineapple = grades("dứa");
        assertThat(results.get("lá dứa").refs().subList(0, 3)).allSatisfy(ref ->
                assertThat(pineapple.getOrDefault(ref, 0)).as(ref).isZero());
        assertThat(results.get("lá dứa").refs().getFirst()).isIn(grades("lá dứa").keySet());
    }

    @Test
    void typosFindTheProductButExactMatchesRankAboveFuzzyOnes() {
        Map<String, Integer> robusta = grades("ca phe robsuta");
        assertThat(results.get("ca phe robsuta").refs().subList(0, 3)).allSatisfy(ref ->
                assertThat(robusta.getOrDefault(ref, 0)).as(ref).isGreaterThanOrEqualTo(2));
        assertThat(results.get("mat ongg").refs().getFirst()).isIn(grades("mật ong").keySet());
        // A spelling, not a typo: "cafe" is coffee.
        assertThat(search("cafe").stream().map(n -> n.get("externalRef")).toList()).hasSize(10)
                .allSatisfy(ref -> assertThat(grades("cà phê")).containsKey(ref));
        // "ST24" is one edit from "ST25": a fuzzy neighbour may appear, but never above the real thing.
        List<String> st25 = results.get("gạo ST25").refs();
        assertThat(st25.subList(0, 2)).containsExactlyInAnyOrder("RC-001", "RC-002");
    }

    @Test
    void regionalWordsWorkBothWaysAndOneWayRulesHold() {
        assertThat(results.get("thịt lợn").refs().subList(0, 4)).contains("MT-004");
        assertThat(results.get("thit heo").refs().subList(0, 4)).contains("MT-001");
        assertThat(results.get("dứa").refs()).contains("PA-004", "PA-005");
        assertThat(results.get("khóm").refs()).contains("PA-001");
        // Highlights mark the seller's own words, whichever region's word the buyer typed.
        graphQl.document("{ searchProducts(query: \"thit heo\", first: 10) { edges { node { externalRef } highlights { field fragments } } } }")
                .execute().path("searchProducts.edges[?(@.node.externalRef == 'MT-001')].highlights[0].fragments[0]")
                .entityList(String.class).containsExactly("<em>Thịt</em> <em>lợn</em> Mường Hòa Bình");
        // "mận" means plum in the North and rose apple in the South: it never becomes "roi".
        assertThat(results.get("mận").refs()).doesNotContain("PL-006");
    }

    private List<Map<String, String>> search(String query) {
        return graphQl.document("""
                query($q: String) { searchProducts(query: $q, first: 10) { edges { node { externalRef name } } } }""")
                .variable("q", query).execute()
                .path("searchProducts.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> {
                    @SuppressWarnings("unchecked") Map<String, String> node = (Map<String, String>) m;
                    return node;
                }).toList();
    }

    private Map<String, Integer> grades(String query) {
        return results.get(query).judgment().relevant();
    }

    private double mean(java.util.function.ToDoubleFunction<Result> metric) {
        return results.values().stream().mapToDouble(metric).average().orElse(0);
    }

    private String report() {
        StringBuilder out = new StringBuilder("\nSearch quality over ").append(results.size()).append(" judged queries (k=")
                .append(K).append(")\n");
        out.append(String.format(Locale.ROOT, "%-28s %-16s %7s %7s  %s%n", "query", "kind", "nDCG", "recall", "top 5"));
        for (Result r : results.values()) {
            List<String> top = new ArrayList<>();
            for (int i = 0; i < Math.min(5, r.refs().size()); i++) {
                top.add(r.refs().get(i) + "(" + r.judgment().relevant().getOrDefault(r.refs().get(i), 0) + ")");
            }
            out.append(String.format(Locale.ROOT, "%-28s %-16s %7.3f %7.3f  %s%n", r.judgment().query(), r.judgment().kind(),
                    r.ndcg(), r.recall(), String.join(" ", top)));
        }
        Map<String, List<Result>> byKind = results.values().stream()
                .collect(Collectors.groupingBy(r -> r.judgment().kind(), TreeMap::new, Collectors.toList()));
        byKind.forEach((kind, rs) -> out.append(String.format(Locale.ROOT, "  %-16s n=%-3d nDCG@10 %.3f  recall@10 %.3f%n", kind,
                rs.size(), rs.stream().mapToDouble(Result::ndcg).average().orElse(0),
                rs.stream().mapToDouble(Result::recall).average().orElse(0))));
        out.append(String.format(Locale.ROOT, "OVERALL nDCG@10 %.3f  recall@10 %.3f%n", mean(Result::ndcg), mean(Result::recall)));
        return out.toString();
    }
}
