package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryExpanderTests {

    private static final SynonymRules RULES = SynonymRules.fromClasspath();
    private final QueryExpander expander = new QueryExpander(RULES);

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            lợn          | heo
            ngô          | bắp
            dứa          | khóm
            lạc          | đậu phụng
            lạc          | đậu phộng
            đậu phụng    | đậu phộng
            vừng         | mè
            sắn          | khoai mì
            sắn          | khoai mỳ
            quả          | trái
            trái cây     | hoa quả
            mướp đắng    | khổ qua
            rau mùi      | ngò
            hoa lơ       | bông cải
            khoai sọ     | khoai môn
            quả na       | mãng cầu
            quả quất     | trái tắc
            mộc nhĩ      | nấm mèo
            bí ngô       | bí đỏ
            cá quả       | cá lóc
            ba chỉ       | ba rọi
            dưa chuột    | dưa leo
            đậu phụ      | đậu hũ
            chè xanh     | trà xanh
            """)
    void regionalPairsExpandBothWays(String north, String south) {
        assertThat(expander.expand(north).alternatives()).contains(south);
        assertThat(expander.expand(south).alternatives()).contains(north);
    }

    @ParameterizedTest(name = "{0} -> {1} only")
    @CsvSource(delimiter = '|', textBlock = """
            roi          | mận
            củ đậu       | củ sắn
            thơm         | dứa
            bánh đa nem  | bánh tráng
            """)
    void oneWayRulesExpandOnlyLeftToRight(String from, String to) {
        assertThat(expander.expand(from).alternatives()).contains(to);
        assertThat(expander.expand(to).alternatives()).doesNotContain(from);
    }

    @Test
    void mậnNeverBecomesRoi() {
        assertThat(expander.expand("mận").alternatives()).isEmpty();
        assertThat(expander.expand("quả mận").alternatives()).containsExactly("trái mận");
        assertThat(expander.expand("quả roi").alternatives()).contains("quả mận");
    }

    @Test
    void pandanLeafIsNotPineapple() {
        ExpandedQuery pandan = expander.expand("lá dứa tươi");
        assertThat(pandan.alternatives()).isEmpty();
        assertThat(pandan.spans()).isEmpty();

        assertThat(expander.expand("nước ép dứa").alternatives())
                .contains("nước ép khóm", "nước ép trái thơm");
    }

    @Test
    void fragrantIsNotPineapple() {
        assertThat(expander.expand("gạo thơm").alternatives()).isEmpty();
        assertThat(expander.expand("rau thơm").alternatives()).isEmpty();
        // A pineapple query does not get bare "thơm", which would pull in fragrant rice.
        assertThat(expander.expand("dứa").alternatives()).noneMatch(a -> a.equals("thơm"));
    }

    @Test
    void jicamaIsNotCassava() {
        assertThat(expander.expand("củ đậu").alternatives()).containsExactly("củ sắn");
        assertThat(expander.expand("củ sắn").alternatives()).isEmpty();
        assertThat(expander.expand("bột sắn dây").alternatives()).isEmpty();
        assertThat(expander.expand("sắn").alternatives()).contains("khoai mì").doesNotContain("củ đậu");
    }

    @Test
    void multiWordTermsMatchAsAPhrase() {
        ExpandedQuery query = expander.expand("đậu phộng rang muối");

        assertThat(query.alternatives()).contains("lạc rang muối", "đậu phụng rang muối");
        assertThat(query.spans()).singleElement().satisfies(span -> {
            assertThat(span.text()).isEqualTo("đậu phộng");
            assertThat(span.start()).isZero();
            assertThat(span.end()).isEqualTo("đậu phộng".length());
            assertThat(span.terms()).containsExactly("đậu phộng");
            assertThat(span.equivalents()).containsExactly("lạc", "đậu phụng");
        });
        assertThat(expander.expand("lạc rang").alternatives()).contains("đậu phộng rang");
    }

    @Test
    void longestMatchWins() {
        assertThat(expander.expand("bí ngô").alternatives())
                .contains("bí đỏ")
                .noneMatch(a -> a.contains("bắp"));
        assertThat(expander.expand("bắp cải").alternatives())
                .containsExactly("cải bắp");
        assertThat(expander.expand("cá quả").alternatives())
                .contains("cá lóc")
                .noneMatch(a -> a.contains("trái"));
    }

    @Test
    void unaccentedInputMatchesFoldedTerms() {
        assertThat(expander.expand("thit heo").alternatives()).containsExactly("thit lợn");

        ExpandedQuery lon = expander.expand("thit lon");
        assertThat(lon.alternatives()).containsExactly("thit heo");
        assertThat(lon.spans()).singleElement().satisfies(span -> assertThat(span.terms()).containsExactly("lợn"));

        assertThat(expander.expand("dau phong rang").alternatives())
                .contains("lạc rang", "đậu phụng rang");
        assertThat(expander.expand("bi ngo").alternatives()).contains("bí đỏ");
    }

    @Test
    void accentedWordsMustMatchTheirDiacritics() {
        // "đau" (pain) is typed with diacritics that differ from "đậu".
        assertThat(expander.expand("đau phộng").alternatives()).isEmpty();
        // Partially accented input still matches where the accented words agree.
        assertThat(expander.expand("dau phộng").alternatives()).contains("lạc");
        // "lớn" (big) is not "lợn"; only unaccented "lon" is ambiguous.
        assertThat(expander.expand("cỡ lớn").alternatives()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dua", "nong san", "me", "vung", "ngo", "qua tang", "trai ga"})
    void exactOnlyTermsIgnoreAmbiguousUnaccentedInput(String query) {
        assertThat(expander.expand(query).alternatives()).isEmpty();
    }

    @Test
    void exactOnlyTermsMatchWithDiacritics() {
        assertThat(expander.expand("mè đen").alternatives()).contains("vừng đen");
        assertThat(expander.expand("nông sản").alternatives()).isEmpty();
        assertThat(expander.expand("quả bơ").alternatives()).containsExactly("trái bơ");
    }

    @Test
    void eachSpanIsReplacedSeparately() {
        ExpandedQuery query = expander.expand("Thịt HEO, ba chỉ");

        assertThat(query.normalized()).isEqualTo("thịt heo, ba chỉ");
        assertThat(query.folded()).isEqualTo("thit heo, ba chi");
        assertThat(query.hasDiacritics()).isTrue();
        assertThat(query.alternatives()).containsExactly("thịt lợn, ba chỉ", "thịt heo, ba rọi");
        assertThat(query.spans()).extracting(ExpandedQuery.Span::text).containsExactly("heo", "ba chỉ");
    }

    @Test
    void decomposedInputExpandsLikeComposed() {
        String decomposed = Normalizer.normalize("mộc nhĩ khô", Normalizer.Form.NFD);

        assertThat(expander.expand(decomposed).alternatives()).contains("nấm mèo khô");
    }

    @Test
    void alternativesAreCappedAndCoverEverySpan() {
        String query = "heo bắp khóm lạc mè khoai mì quả ba chỉ cá lóc bí đỏ hoa lơ khoai sọ mộc nhĩ";
        ExpandedQuery expanded = expander.expand(query);

        assertThat(expanded.spans()).hasSizeGreaterThan(10);
        assertThat(expanded.alternatives()).hasSize(QueryExpander.DEFAULT_MAX_ALTERNATIVES).doesNotHaveDuplicates();
        assertThat(new QueryExpander(RULES, 3).expand(query).alternatives()).hasSize(3);
        assertThat(new QueryExpander(RULES, 0).expand(query).alternatives()).isEmpty();
        // Round-robin: the first alternatives swap different spans.
        assertThat(expanded.alternatives().get(0)).startsWith("lợn bắp");
        assertThat(expanded.alternatives().get(1)).startsWith("heo ngô");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n", " ,.;!? "})
    void emptyInputGivesEmptyExpansion(String query) {
        ExpandedQuery expanded = expander.expand(query);

        assertThat(expanded.alternatives()).isEmpty();
        assertThat(expanded.spans()).isEmpty();
        assertThat(expanded.folded()).isEqualTo(expanded.normalized());
    }

    @Test
    void queryWithoutRuleWordsIsUnexpanded() {
        ExpandedQuery expanded = expander.expand("Cà phê Robusta Đắk Lắk");

        assertThat(expanded.isUnexpanded()).isTrue();
        assertThat(expanded.normalized()).isEqualTo("cà phê robusta đắk lắk");
        assertThat(expanded.folded()).isEqualTo("ca phe robusta dak lak");
    }

    @Test
    void longInputWorks() {
        String query = "thịt heo sạch từ hợp tác xã, gạo ST25 và bí ngô hữu cơ; ".repeat(10).substring(0, 500);

        ExpandedQuery expanded = expander.expand(query);

        assertThat(expanded.normalized()).hasSizeLessThanOrEqualTo(500);
        assertThat(expanded.spans()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(expanded.alternatives()).hasSize(QueryExpander.DEFAULT_MAX_ALTERNATIVES);
    }
}
