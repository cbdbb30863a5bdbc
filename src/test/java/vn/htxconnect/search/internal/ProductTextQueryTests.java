package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.SimpleJsonpMapper;
import org.junit.jupiter.api.Test;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.region.ProvinceService;

class ProductTextQueryTests {

    private final ProductTextQuery text = new ProductTextQuery(new QueryExpander(SynonymRules.fromClasspath()),
            new ProvinceService(), new FixedTaxonomy(List.of(
                    new Category("COFFEE_TEA", null, "Cà phê, chè, ca cao", "Coffee, tea and cocoa", 30),
                    new Category("COFFEE", "COFFEE_TEA", "Cà phê", "Coffee", 31),
                    new Category("GRAINS_CORN", null, "Ngô (bắp)", "Maize (corn)", 23))));

    @Test
    void shortSyllablesAndWordsWithDigitsAreNeverFuzzy() {
        assertThat(QueryClauses.fuzzable("robsuta")).isTrue();
        assertThat(QueryClauses.fuzzable("logn")).isTrue();
        assertThat(QueryClauses.fuzzable("nam")).isFalse();
        assertThat(QueryClauses.fuzzable("st25")).isFalse();
        assertThat(QueryClauses.fuzzable("ri6")).isFalse();
        assertThat(json("gạo ST25")).doesNotContain("fuzziness");
        // Products that need no typo correction form tiers above the typo tier.
        assertThat(json("ca phe robsuta")).contains("fuzziness")
                .contains("\"constant_score\":{\"boost\":" + TierLadder.Tier.TYPOS.score)
                .contains("\"constant_score\":{\"boost\":" + TierLadder.Tier.ALL_WORDS.score);
    }

    @Test
    void aBuyersSentenceIsSearchedForItsProduct() {
        String json = json("cần mua cà phê số lượng lớn");
        // Required ("and") are the product's words only; the whole sentence only adds score as a phrase.
        assertThat(json).contains("\"operator\":\"and\",\"query\":\"ca phe\"")
                .doesNotContain("\"operator\":\"and\",\"query\":\"can mua ca phe so luong lon\"")
                .doesNotContain("\"operator\":\"and\",\"query\":\"ca phe so luong lon\"");
    }

    @Test
    void namesWithoutToneMarksCountAsExactAndSellerSearchesRankTheSellerFirst() {
        assertThat(json("tôm khô")).contains("name_unmarked");
        assertThat(json("HTX Ea Tu")).contains("\"boost\":" + TierLadder.Tier.SELLER_NAMED.score);
        assertThat(json("Ea Tu")).doesNotContain("\"boost\":" + TierLadder.Tier.SELLER_NAMED.score);
    }

    @Test
    void textWithoutLettersOrDigitsFindsNothingInsteadOfFailing() {
        assertThat(json("?!.,;+!:")).contains("match_none");
    }

    @Test
    void aNamedProvinceIsAPlaceNotWords() {
        // Đắk Nông merged into Lâm Đồng (68): the place is its province or a mention, not the syllables.
        String json = json("cà phê Đắk Nông");
        assertThat(json).contains("{\"term\":{\"province_code\":{\"value\":\"68\"}}}")
                .contains("\"query\":\"ca phe\"").contains("\"query\":\"dak nong\"");
        // Places come last: this is dragon fruit from An Giang (91), not "thanh" from Long An.
        assertThat(json("thanh long An Giang")).contains("\"value\":\"91\"").doesNotContain("\"value\":\"80\"");
        assertThat(json("Bình Phước")).contains("\"value\":\"75\"");
        // Numbers are grades or quantities, never province codes; "nam" alone names no province.
        assertThat(json("gạo 25")).doesNotContain("province_code");
        assertThat(json("nam")).doesNotContain("province_code");
        // Tone marks typed must be the province's: lilies ("hoa huệ") are not from Huế; "hoa hue" may be.
        assertThat(json("hoa huệ")).doesNotContain("province_code");
        assertThat(json("mè xửng Huế")).contains("\"value\":\"46\"");
        assertThat(json("tỉnh Thừa Thiên Huế")).contains("\"value\":\"46\"");
        assertThat(json("hoa hue")).contains("\"value\":\"46\"");
    }

    @Test
    void protectedPhrasesWithAnotherMeaningRankLower() {
        assertThat(json("dứa")).contains("\"negative\"").contains("\"query\":\"la dua\"");
        assertThat(json("lá dứa")).doesNotContain("\"negative\"");
        assertThat(json("cà chua")).doesNotContain("\"negative\"");
    }

    @Test
    void aSynonymMustMatchWithItsDiacritics() {
        // "trà xanh" also searches "chè xanh", but "chè" must not match "chế" (chế biến, processed).
        assertThat(json("trà xanh")).contains("\"query\":\"che xanh\"").contains("\"query\":\"chè xanh\"");
    }

    @Test
    void theProductsOwnCategoryNamedByTheWordsRanksHigher() {
        // "bắp" names "Ngô (bắp)". Only the product's own category counts: tea sits in "Chè (trà)", which
        // "cà phê" does not name, though its parent "Cà phê, chè, ca cao" does.
        assertThat(json("bắp")).contains("\"category_code\":[\"GRAINS_CORN\"]");
        assertThat(json("ca phe")).contains("\"category_code\":[\"COFFEE_TEA\",\"COFFEE\"]");
        assertThat(json("mật ong")).doesNotContain("category_code");
    }

    @Test
    void blankTextGivesNoQuery() {
        assertThat(text.build("  ", List.of())).isEmpty();
        assertThat(text.highlight(null)).isNull();
    }

    private String json(String words) {
        Query q = text.build(words, List.of()).orElseThrow();
        return JsonpUtils.toJsonString(q, new SimpleJsonpMapper());
    }
}
