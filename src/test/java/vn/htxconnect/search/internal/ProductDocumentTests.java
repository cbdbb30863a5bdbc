package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.Certification;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationStatus;
import vn.htxconnect.organization.VerificationStatus;

/**
 * The product document's one field list ({@link ProductField}) agrees with the index mapping in
 * {@code search-config/indices/products.json}, with the {@code _source} filter of searches and with the parsing
 * of a hit: a field added in one place and forgotten in another fails here, not in production.
 */
class ProductDocumentTests {

    private static final JsonNode PROPERTIES = JsonMapper.builder().build()
            .readTree(IndexManager.definition(IndexManager.PRODUCTS)).get("mappings").get("properties");

    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");

    /** A product with every field set (no null, no empty list), so a field the parsing skips shows up. */
    private static final Product FULL = Product.builder().databaseId(41).organizationId(7).externalRef("SKU-9")
            .name("Cà phê Robusta Đắk Lắk").description("Hạt rang mộc").categoryCode("COFFEE").unit(Unit.TAN)
            .priceMinVnd(90_000L).priceMaxVnd(120_000L).minOrderQty(new BigDecimal("0.5"))
            .monthlyCapacity(new BigDecimal("12.5")).availableMonths(List.of(1, 2, 11, 12)).provinceCode("66")
            .lat(12.68).lon(108.04).imageUrls(List.of("https://example.vn/a.jpg"))
            .status(ProductStatus.DRAFT)
            .certifications(List.of(new Certification(CertificationScheme.OCOP, null, "OCOP-1", "UBND tỉnh", 4,
                    LocalDate.of(2025, 1, 1), LocalDate.of(2099, 1, 1))))
            .createdAt(CREATED).updatedAt(CREATED.plus(3, ChronoUnit.DAYS)).version(5).build();

    private static final Organization ORG = new Organization(7, OrganizationKind.COOPERATIVE, "HTX Cà phê Ea Tu",
            null, 2010, 40, List.of(), "66", "Buôn Ma Thuột", 12.7, 108.1, null, null, null, null, null,
            VerificationStatus.VERIFIED, CREATED, OrganizationStatus.ACTIVE, CREATED, CREATED, 1);

    private static ProductDocument document(Product p) {
        return new ProductDocument(p, ORG, List.of(new Category("COFFEE", "COFFEE_TEA", "Cà phê", "Coffee", 1),
                new Category("COFFEE_TEA", null, "Cà phê, chè", "Coffee and tea", 1)),
                List.of("Đắk Lắk", "Đắk Nông"), Instant.now());
    }

    private static Set<String> mapped(JsonNode properties) {
        Set<String> names = new LinkedHashSet<>();
        properties.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void everyFieldIsMappedAndEveryMappedFieldIsAField() {
        Set<String> fields = Arrays.stream(ProductField.values()).map(ProductField::field)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(fields).containsExactlyInAnyOrderElementsOf(mapped(PROPERTIES));
        Set<String> certificateFields = Arrays.stream(ProductField.CertificateField.values())
                .map(ProductField.CertificateField::field).collect(Collectors.toSet());
        assertThat(certificateFields).containsExactlyInAnyOrderElementsOf(
                mapped(PROPERTIES.get(ProductField.CERTIFICATIONS.field()).get("properties")));
    }

    @Test
    void aDocumentWritesOnlyMappedFieldsAndAllOfThemForAFullProduct() {
        Map<String, Object> source = document(FULL).source();
        assertThat(mapped(PROPERTIES)).containsAll(source.keySet());
        // Only the unmarked copy of a name is left out, since this name has tone marks.
        Set<String> missing = new LinkedHashSet<>(mapped(PROPERTIES));
        missing.removeAll(source.keySet());
        assertThat(missing).containsExactly(ProductField.NAME_UNMARKED.field());
    }

    @Test
    void theSourceFilterHoldsExactlyWhatParsingReadsAndGivesTheProductBack() {
        Map<String, Object> whole = document(FULL).source();
        Set<String> read = new LinkedHashSet<>();
        Map<String, Object> fetched = new HashMap<>() {
            @Override
            public Object get(Object key) {
                read.add((String) key);
                return super.get(key);
            }
        };
        ProductField.source().forEach(f -> fetched.put(f, whole.get(f)));
        assertThat(ProductDocument.product(fetched)).isEqualTo(FULL);
        assertThat(read).containsExactlyInAnyOrderElementsOf(ProductField.source());
        assertThat(ProductField.source()).doesNotContain(ProductField.NAME_FOLDED.field(),
                ProductField.ORG_NAME.field(), ProductField.SUGGEST.field());
    }

    @Test
    void aProductWithoutOptionalFieldsComesBackTheSame() {
        Product bare = Product.builder().databaseId(1).organizationId(2).name("Gao ST25").categoryCode("COFFEE")
                .unit(Unit.KG).createdAt(CREATED).updatedAt(CREATED).build();
        Map<String, Object> source = document(bare).source();
        assertThat(source).containsEntry(ProductField.NAME_UNMARKED.field(), "gao st25")
                .doesNotContainKey(ProductField.LOCATION.field()).doesNotContainKey(ProductField.DESCRIPTION.field());
        assertThat(ProductDocument.product(source)).isEqualTo(bare);
    }

    @Test
    void boostsAndSubFieldsAreSpelledAsElasticsearchReadsThem() {
        assertThat(ProductField.NAME_FOLDED.boosted(3)).isEqualTo("name_folded^3");
        assertThat(ProductField.CATEGORY_NAMES.boosted(1.5)).isEqualTo("category_names^1.5");
        assertThat(ProductField.NAME.sub("shingles")).isEqualTo("name.shingles");
        assertThat(ProductField.CertificateField.OCOP_STARS.path()).isEqualTo("certifications.ocop_stars");
    }

    @Test
    void wordsSplitAsTheRegularExpressionDid() {
        Random random = new Random(7);
        String alphabet = "ab cà\t\n\u000B\f\r\u00A0\u2003x";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = text.toString().strip();
            List<String> expected = name.isEmpty() ? List.of() : List.of(name.split("\\s+"));
            assertThat(ProductDocument.words(name)).as("\"%s\"", name).isEqualTo(expected);
        }
    }
}
