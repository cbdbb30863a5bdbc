package vn.htxconnect.search.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * How people type on a phone or with the input method off — syllables run together or a code split
 * from its number, Telex and VNI leftovers, doubled letters — finds what the clean query finds: the
 * first result is one the judged set grades 3 (perfect) for the clean query, and the first page holds
 * as many perfect products as the clean query's own page. The grades are the judged set's own
 * ({@code search-quality/judgments.json}).
 */
@JudgedCatalogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdinaryTypingTests {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    JudgedCatalogue catalogue;

    private Map<String, Map<String, Integer>> grades;

    @BeforeAll
    void load() throws IOException {
        catalogue.ensureLoadedAndIndexed();
        grades = new java.util.HashMap<>();
        JudgedCatalogue.json().readValue(JudgedCatalogue.read("search-quality/judgments.json"),
                SearchQualityTests.Judgments.class).queries().forEach(j -> grades.put(j.query(), j.relevant()));
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
            "nuocmam, nước mắm",
            "nuoc mam phuquoc, nuoc mam phu quoc",
            "nuocmamphuquoc, nuoc mam phu quoc",
            "thanhlong ruot do, thanh long ruột đỏ",
            "thanhlongruotdo, thanh long ruột đỏ",
            "gạo st 25, gạo ST25",
            "sầu riêng ri 6, sau rieng ri6",
            "mawtj ong, mật ong",
            "maatj ong, mật ong",
            "caf phee, cà phê",
            "ca2 phe6, cà phê",
            "caphe, cà phê",
            "matong, mật ong",
            "sauriengri6, sau rieng ri6",
            "xoài cát hoà lộc, xoai cat hoa loc",
            "nươc mắm, nước mắm",
            "nuớc mấm, nước mắm",
            "cần mua nước mắm số lượng lớn, nước mắm",
    })
    void typedAsPeopleTypeFindsWhatTheCleanQueryFinds(String typed, String clean) {
        List<String> refs = search(typed);
        Map<String, Integer> relevant = grades.get(clean);
        assertThat(relevant).as("judged query %s", clean).isNotNull();
        assertThat(refs).as("results for %s", typed).isNotEmpty();
        assertThat(relevant.getOrDefault(refs.getFirst(), 0)).as("grade of the first result for %s", typed).isEqualTo(3);
        assertThat(perfect(refs, relevant)).as("perfect products on the first page for %s", typed)
                .isGreaterThanOrEqualTo(perfect(search(clean), relevant));
    }

    private static long perfect(List<String> refs, Map<String, Integer> relevant) {
        return refs.stream().filter(ref -> relevant.getOrDefault(ref, 0) == 3).count();
    }

    private List<String> search(String query) {
        return graphQl.document("""
                query($q: String) { searchProducts(query: $q, first: 10) { edges { node { externalRef } } } }""")
                .variable("q", query).execute().path("searchProducts.edges[*].node.externalRef").entityList(String.class).get();
    }
}
