package vn.htxconnect.search.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** {@code suggest(prefix, first)} on the judged catalogue: product names and stocked categories, with or without tone marks. */
@JudgedCatalogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestTests {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    JudgedCatalogue catalogue;

    @BeforeAll
    void catalogueIsThere() throws IOException {
        catalogue.ensureLoadedAndIndexed();
    }

    @Test
    void completesProductNamesAndCategoriesWithAndWithoutToneMarks() {
        List<Map<String, String>> accented = suggest("cà ph", 20);
        assertThat(accented).extracting(s -> s.get("text")).contains("Cà phê", "Cà phê Robusta nhân xanh Đắk Lắk")
                .allSatisfy(t -> assertThat(t).containsIgnoringCase("cà phê"));
        assertThat(accented.getFirst()).containsEntry("kind", "CATEGORY");
        assertThat(accented).filteredOn(s -> s.get("text").equals("Cà phê")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("categoryCode", "COFFEE"));
        // Names that start with the prefix come before names that only contain it.
        List<String> texts = texts(accented);
        assertThat(texts.indexOf("Mật ong hoa cà phê")).isGreaterThan(texts.lastIndexOf("Cà phê Robusta Gia Lai"));
        assertThat(accented).filteredOn(s -> "PRODUCT".equals(s.get("kind"))).isNotEmpty()
                .allSatisfy(s -> assertThat(s.get("categoryCode")).isNotBlank());

        List<String> unaccented = texts(suggest("ca phe", 20));
        assertThat(unaccented).contains("Cà phê", "Cà phê Robusta nhân xanh Đắk Lắk");
        assertThat(texts(suggest("CA PHE ARABICA", 5))).containsExactlyInAnyOrder(
                "Cà phê Arabica Cầu Đất rang xay", "Cà phê Arabica nhân xanh Cầu Đất");
    }

    @Test
    void wordsTypedWithToneMarksKeepThem() {
        List<String> mushrooms = texts(suggest("nấm", 20));
        assertThat(mushrooms).contains("Nấm", "Nấm rơm", "Nấm đùi gà tươi")
                .noneMatch(t -> t.contains("Nam Ô") || t.contains("Nam Định"));
        // Without tone marks "nam" may mean either.
        assertThat(texts(suggest("nam", 20))).contains("Nấm", "Nấm rơm").anyMatch(t -> t.contains("Nam "));
    }

    @Test
    void completesFromLaterWordsOfTheName() {
        assertThat(texts(suggest("robus", 10))).contains("Cà phê Robusta nhân xanh Đắk Lắk", "Cà phê Robusta Gia Lai");
    }

    @Test
    void suggestionsAreDistinctAndAtMostFirst() {
        List<String> texts = texts(suggest("ca", 20));
        assertThat(texts).hasSizeLessThanOrEqualTo(20).doesNotHaveDuplicates();
        assertThat(texts(suggest("ca", 3))).hasSize(3);
        assertThat(suggest("zzqx", 10)).isEmpty();
    }

    @Test
    void rejectsBadArguments() {
        badRequest("{ suggest(prefix: \"   \") { text } }", "prefix");
        badRequest("{ suggest(prefix: \"" + "a".repeat(101) + "\") { text } }", "prefix");
        badRequest("{ suggest(prefix: \"ca\", first: 0) { text } }", "first");
        badRequest("{ suggest(prefix: \"ca\", first: 21) { text } }", "first");
    }

    private void badRequest(String document, String field) {
        graphQl.document(document).execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("field", field);
        }));
    }

    private List<Map<String, String>> suggest(String prefix, int first) {
        return graphQl.document("query($p: String!, $n: Int) { suggest(prefix: $p, first: $n) { text kind categoryCode } }")
                .variable("p", prefix).variable("n", first).execute()
                .path("suggest").entityList(Map.class).get().stream().map(m -> {
                    @SuppressWarnings("unchecked") Map<String, String> s = (Map<String, String>) m;
                    return s;
                }).toList();
    }

    private static List<String> texts(List<Map<String, String>> suggestions) {
        return suggestions.stream().map(s -> s.get("text")).toList();
    }
}
