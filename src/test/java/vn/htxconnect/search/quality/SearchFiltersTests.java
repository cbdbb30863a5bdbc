package vn.htxconnect.search.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Filters, sorts, facets and paging of {@code searchProducts}, on a small catalogue whose names all
 * carry one unique word, so the query selects exactly these products in the shared database.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFiltersTests {

    private static final double BMT_LAT = 12.67;
    private static final double BMT_LON = 108.04;

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;

    private final String tag = TestData.unique("loc");
    private final Map<String, String> ids = new HashMap<>();
    private String highlands;
    private String southeast;

    @BeforeAll
    void catalogue() {
        highlands = TestData.createOrganization(graphQl, "HTX Cao nguyên " + tag, "COOPERATIVE", "Đắk Lắk");
        southeast = TestData.createOrganization(graphQl, "HTX Điều " + tag, "COOPERATIVE", "Bình Phước");
        TestData.asAdmin(graphQl).document("mutation($id: ID!) { setOrganizationVerification(input: {id: $id, verified: true}) { errors { code } } }")
                .variable("id", southeast).execute().path("setOrganizationVerification.errors").entityList(Object.class).hasSize(0);
        LocalDate today = LocalDate.now();
        String from = today.minusMonths(3).toString();
        String to = today.plusMonths(12).toString();
        // Buôn Ma Thuột; Pleiku (~150 km); Đồng Xoài (~250 km).
        product("bmt", highlands, "Cà phê Robusta " + tag, "COFFEE", Map.of("unit", "kg", "priceMinVnd", 95000,
                "monthlyCapacity", 5000, "availableMonths", List.of(11, 12, 1), "lat", BMT_LAT, "lon", BMT_LON,
                "certifications", List.of(Map.of("scheme", "VIETGAP", "number", "VG-" + tag, "validFrom", from, "validTo", to))));
        product("pleiku", highlands, "Cà phê rang xay " + tag, "COFFEE", Map.of("unit", "tấn", "priceMinVnd", 80000,
                "monthlyCapacity", 3, "lat", 13.98, "lon", 108.0,
                "certifications", List.of(Map.of("scheme", "OCOP", "ocopStars", 4, "validFrom", from, "validTo", to))));
        product("cashew", southeast, "Hạt điều rang muối " + tag, "PRODUCE_NUTS", Map.of("unit", "kg", "priceMinVnd", 250000,
                "monthlyCapacity", 20000, "availableMonths", List.of(2, 3, 4, 5), "lat", 11.54, "lon", 106.89,
                "certifications", List.of(Map.of("scheme", "OCOP", "ocopStars", 3, "validFrom", from, "validTo", to))));
        product("honey", highlands, "Mật ong hoa cà phê " + tag, "PRODUCE_HONEY", Map.of("unit", "lít", "priceMinVnd", 200000,
                "monthlyCapacity", 9000, "lat", BMT_LAT + 0.1, "lon", BMT_LON));
        product("pepper", southeast, "Hồ tiêu đen " + tag, "SPICES_PEPPER", Map.of("unit", "kg", "monthlyCapacity", 1000,
                "lat", 11.7, "lon", 106.6));
        for (int i = 1; i <= 7; i++) {
            product("extra" + i, southeast, "Điều nhân loại " + i + " " + tag, "PRODUCE_NUTS",
                    Map.of("unit", "kg", "priceMinVnd", 200000 + i * 1000, "lat", 11.6, "lon", 106.9));
        }
        // A lapsed 5-star rating stays on record (the API refuses to create one) but must never count.
        long cashew = GlobalId.decode("id", ids.get("cashew"), Product.TYPE);
        tx.executeWithoutResult(s -> {
            jdbc.update("INSERT INTO product_certification (product_id, scheme, number, ocop_stars, valid_from, valid_to) "
                    + "VALUES (?, 'OCOP', ?, 5, ?, ?)", cashew, "OCOP-OLD-" + tag, today.minusMonths(40), today.minusMonths(4));
            outbox.enqueue("product", cashew, "updated");
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(total(Map.of())).isEqualTo(12));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(indexedCertificates("cashew")).hasSize(2));
    }

    @Test
    void cursorPagingVisitsEveryMatchOnceInEveryOrder() {
        List<Map<String, Object>> sorts = new ArrayList<>();
        sorts.add(null);
        sorts.add(Map.of("field", "PRICE", "direction", "ASC"));
        sorts.add(Map.of("field", "PRICE", "direction", "DESC"));
        sorts.add(Map.of("field", "NEWEST"));
        for (Map<String, Object> sort : sorts) {
            List<String> seen = new ArrayList<>();
            String after = null;
            boolean hasNext = true;
            int pages = 0;
            while (hasNext) {
                HttpGraphQlTester.Response page = search(Map.of(), sort, 5, after);
                page.path("searchProducts.totalCount").entity(Integer.class).isEqualTo(12);
                seen.addAll(page.path("searchProducts.edges[*].node.id").entityList(String.class).get());
                hasNext = page.path("searchProducts.pageInfo.hasNextPage").entity(Boolean.class).get();
                after = page.path("searchProducts.pageInfo.endCursor").entity(String.class).get();
                pages++;
            }
            assertThat(pages).as("pages for %s", sort).isEqualTo(3);
            assertThat(seen).as("sort %s", sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids.values());
        }
        graphQl.document("{ searchProducts(first: 101) { totalCount } }").execute().errors()
                .satisfy(e -> assertThat(e).singleElement().satisfies(err ->
                        assertThat(err.getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("field", "first")));
    }

    @Test
    void priceSortPutsProductsWithoutAPriceLast() {
        List<Long> ascending = prices(Map.of("field", "PRICE", "direction", "ASC"));
        assertThat(ascending.subList(0, 11)).isSorted();
        assertThat(ascending.getLast()).isNull();
        List<Long> descending = prices(Map.of("field", "PRICE", "direction", "DESC"));
        assertThat(descending.subList(0, 11)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(descending.getLast()).isNull();
        assertThat(refs(Map.of("maxPriceVnd", 100000))).containsExactlyInAnyOrder("bmt", "pleiku");
    }

    @Test
    void distanceSortAndRadiusUseTheProductsOrigin() {
        Map<String, Object> nearBmt = Map.of("near", Map.of("lat", BMT_LAT, "lon", BMT_LON, "radiusKm", 2000));
        HttpGraphQlTester.Response r = search(nearBmt, Map.of("field", "DISTANCE"), 100, null);
        List<Double> km = r.path("searchProducts.edges[*].distanceKm").entityList(Double.class).get();
        assertThat(km).hasSize(12).isSorted();
        assertThat(km.getFirst()).isZero();
        assertThat(r.path("searchProducts.edges[0].node.id").entity(String.class).get()).isEqualTo(ids.get("bmt"));
        assertThat(refs(Map.of("near", Map.of("lat", BMT_LAT, "lon", BMT_LON, "radiusKm", 30))))
                .containsExactlyInAnyOrder("bmt", "honey");
        assertThat(refs(Map.of("near", Map.of("lat", BMT_LAT, "lon", BMT_LON, "radiusKm", 160))))
                .containsExactlyInAnyOrder("bmt", "honey", "pleiku");
        graphQl.document("query($q: String) { searchProducts(query: $q, sort: {field: DISTANCE}) { totalCount } }")
                .variable("q", tag).execute().errors().satisfy(e -> assertThat(e).singleElement().satisfies(err ->
                        assertThat(err.getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("field", "sort.field")));
    }

    @Test
    void capacityIsComparedAcrossMassUnits() {
        // 4 tấn = 4000 kg: 5000 kg and 20000 kg qualify, 3 tấn does not, litres never compare with kilograms.
        assertThat(refs(Map.of("minMonthlyCapacity", 4, "capacityUnit", "tấn"))).containsExactlyInAnyOrder("bmt", "cashew");
        assertThat(refs(Map.of("minMonthlyCapacity", 4000, "capacityUnit", "kg"))).containsExactlyInAnyOrder("bmt", "cashew");
        assertThat(refs(Map.of("minMonthlyCapacity", 2.5, "capacityUnit", "tan"))).containsExactlyInAnyOrder("bmt", "pleiku", "cashew");
        assertThat(refs(Map.of("minMonthlyCapacity", 8000, "capacityUnit", "lít"))).containsExactly("honey");
        assertThat(refs(Map.of("minMonthlyCapacity", 10, "capacityUnit", "ml"))).containsExactly("honey");
        assertThat(refs(Map.of("minMonthlyCapacity", 10000, "capacityUnit", "lít"))).isEmpty();
    }

    @Test
    void availableInMonthFollowsTheHarvestSeason() {
        List<String> december = refs(Map.of("availableInMonth", 12));
        assertThat(december).contains("bmt", "pleiku", "honey").doesNotContain("cashew");
        List<String> march = refs(Map.of("availableInMonth", 3));
        assertThat(march).contains("cashew", "pleiku").doesNotContain("bmt");
    }

    @Test
    void expiredCertificatesNeverCount() {
        assertThat(refs(Map.of("minOcopStars", 4))).containsExactly("pleiku");
        assertThat(refs(Map.of("minOcopStars", 3))).containsExactlyInAnyOrder("pleiku", "cashew");
        assertThat(refs(Map.of("minOcopStars", 5))).isEmpty();
        assertThat(refs(Map.of("certifications", List.of("OCOP")))).containsExactlyInAnyOrder("pleiku", "cashew");
        assertThat(refs(Map.of("certifications", List.of("VIETGAP", "OCOP")))).isEmpty();
        HttpGraphQlTester.Response r = search(Map.of(), null, 1, null);
        r.path("searchProducts.facets.ocopStars[*].value").entityList(String.class).containsExactly("3", "4");
        r.path("searchProducts.facets.certification[?(@.value == 'OCOP')].count").entityList(Integer.class).containsExactly(2);
    }

    @Test
    void categoryIncludesSubCategoriesAndProvinceAcceptsLegacyNames() {
        assertThat(refs(Map.of("category", "COFFEE_TEA"))).containsExactlyInAnyOrder("bmt", "pleiku");
        assertThat(refs(Map.of("category", "Cà phê"))).containsExactlyInAnyOrder("bmt", "pleiku");
        assertThat(refs(Map.of("category", "Nông sản"))).hasSize(9).contains("cashew", "honey").doesNotContain("pepper");
        assertThat(refs(Map.of("province", "Bình Phước"))).hasSize(9).contains("cashew", "pepper");
        assertThat(refs(Map.of("province", "dong nai"))).hasSize(9);
        assertThat(refs(Map.of("province", "Phú Yên"))).containsExactlyInAnyOrder("bmt", "pleiku", "honey");
        HttpGraphQlTester.Response r = search(Map.of(), null, 1, null);
        r.path("searchProducts.facets.category[?(@.value == 'PRODUCE_NUTS')].count").entityList(Integer.class).containsExactly(8);
        r.path("searchProducts.facets.province[?(@.value == '75')].label").entityList(String.class).containsExactly("Đồng Nai");
    }

    @Test
    void organizationAndVerificationFilters() {
        assertThat(refs(Map.of("organizationId", highlands))).containsExactlyInAnyOrder("bmt", "pleiku", "honey");
        assertThat(refs(Map.of("verifiedOnly", true))).hasSize(9).doesNotContain("bmt");
        assertThat(refs(Map.of("verifiedOnly", true, "organizationId", highlands))).isEmpty();
        assertThat(refs(Map.of("organizationKinds", List.of("COOPERATIVE")))).hasSameElementsAs(refs(Map.of()));
        assertThat(refs(Map.of("organizationKinds", List.of("PROCESSOR", "RETAIL_CHAIN")))).isEmpty();
    }

    @Test
    void wordsMayNameTheCooperativeOrAProvinceLegacyNamesToo() {
        // A named place ranks its products first; the same words elsewhere follow (a place is no filter).
        List<String> binhPhuoc = refs(tag + " Bình Phước", Map.of());
        assertThat(binhPhuoc.subList(0, 9)).contains("cashew").doesNotContain("bmt", "pleiku", "honey");
        assertThat(binhPhuoc).contains("bmt", "pleiku", "honey");
        assertThat(refs(tag + " Đắk Lắk", Map.of()).subList(0, 3)).containsExactlyInAnyOrder("bmt", "pleiku", "honey");
        assertThat(refs("htx cao nguyen " + tag, Map.of()).subList(0, 3)).containsExactlyInAnyOrder("bmt", "pleiku", "honey");
        // A product named after coffee blossom is honey: the coffee comes first.
        List<String> coffee = refs("cà phê", Map.of("organizationId", highlands));
        assertThat(coffee).hasSize(3);
        assertThat(coffee.getLast()).isEqualTo("honey");
    }

    @Test
    void aTypoMatchNeverOutranksAnExactOne() {
        String own = TestData.unique("gia");
        String org = TestData.createOrganization(graphQl, "HTX Chăn nuôi " + own, "COOPERATIVE", "Hưng Yên");
        // "ngan" (muscovy duck) is one letter from "nhan": short and plain, it would win on term statistics alone.
        TestData.createProduct(graphQl, org, "Ngan " + own, "LIVESTOCK_POULTRY", Map.of());
        TestData.createProduct(graphQl, org, "Long nhãn sấy khô loại đặc biệt đóng hộp quà biếu " + own, "PROCESSED_DRIED", Map.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, own, null)).hasSize(2));
        // Other products named "nhân" may follow (the head word alone is a lower tier): these two come first.
        assertThat(TestData.searchNames(graphQl, "nhan " + own, null)).startsWith(
                "Long nhãn sấy khô loại đặc biệt đóng hộp quà biếu " + own, "Ngan " + own);
        assertThat(TestData.searchNames(graphQl, "ngan " + own, null)).first().isEqualTo("Ngan " + own);
    }

    @Test
    void archivedProductsLeaveSearchAndSuggestions() {
        // A word of its own, so the other tests' products stay exactly as they are.
        String own = TestData.unique("gung");
        String org = TestData.createOrganization(graphQl, "HTX Gừng " + own, "COOPERATIVE", "Hà Giang");
        String name = "Mứt gừng " + own;
        String id = TestData.createProduct(graphQl, org, name, "PROCESSED_DRIED", Map.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(suggestions(own)).containsExactly(name));
        TestData.asAdmin(graphQl).document("mutation($id: ID!) { archiveProduct(input: {id: $id}) { errors { code } } }")
                .variable("id", id).execute().path("archiveProduct.errors").entityList(Object.class).hasSize(0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(suggestions(own)).isEmpty());
        assertThat(TestData.searchNames(graphQl, own, null)).isEmpty();
    }

    private void product(String key, String org, String name, String category, Map<String, Object> extra) {
        ids.put(key, TestData.createProduct(graphQl, org, name, category, extra));
    }

    private HttpGraphQlTester.Response search(Map<String, Object> filter, Map<String, Object> sort, int first, String after) {
        return search(tag, filter, sort, first, after);
    }

    private HttpGraphQlTester.Response search(String query, Map<String, Object> filter, Map<String, Object> sort, int first,
                                              String after) {
        return graphQl.document("""
                query($q: String, $f: ProductFilter, $s: ProductSort, $n: Int, $a: String) {
                  searchProducts(query: $q, filter: $f, sort: $s, first: $n, after: $a) {
                    totalCount
                    pageInfo { hasNextPage endCursor }
                    edges { distanceKm node { id name priceMinVnd certifications(includeExpired: true) { scheme } } }
                    facets { category { value count } province { value label count } certification { value count }
                             ocopStars { value count } }
                  }
                }""").variable("q", query).variable("f", filter).variable("s", sort).variable("n", first).variable("a", after)
                .execute();
    }

    private int total(Map<String, Object> filter) {
        return search(filter, null, 1, null).path("searchProducts.totalCount").entity(Integer.class).get();
    }

    private List<String> refs(Map<String, Object> filter) {
        return refs(tag, filter);
    }

    private List<String> refs(String query, Map<String, Object> filter) {
        List<String> found = search(query, filter, null, 100, null).path("searchProducts.edges[*].node.id")
                .entityList(String.class).get();
        return found.stream().map(id -> ids.entrySet().stream().filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey).findFirst().orElse(id)).toList();
    }

    private List<Long> prices(Map<String, Object> sort) {
        return search(Map.of(), sort, 100, null).path("searchProducts.edges[*].node.priceMinVnd").entityList(Long.class).get();
    }

    /** Certificates of a product as the search index holds them, expired ones included (shown to admins). */
    private List<String> indexedCertificates(String key) {
        return TestData.asAdmin(graphQl).document("""
                query($q: String) { searchProducts(query: $q, first: 100) {
                  edges { node { id certifications(includeExpired: true) { scheme } } } } }""")
                .variable("q", tag).execute()
                .path("searchProducts.edges[?(@.node.id == '" + ids.get(key) + "')].node.certifications[*].scheme")
                .entityList(String.class).get();
    }

    private List<String> suggestions(String prefix) {
        return graphQl.document("query($p: String!) { suggest(prefix: $p, first: 20) { text } }").variable("p", prefix)
                .execute().path("suggest[*].text").entityList(String.class).get();
    }
}
