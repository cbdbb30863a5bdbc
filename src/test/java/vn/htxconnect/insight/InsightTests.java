package vn.htxconnect.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Supply against demand, unmet searches and report figures, and who may read them. */
@IntegrationTest
class InsightTests {

    static final String GAP = """
            query($f: SupplyDemandGapFilter) { supplyDemandGap(filter: $f) { unit months openRequests
              categories { code } cells { category { code } province { code } month supply demand gap } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    private static Map<String, double[]> cells(HttpGraphQlTester.Response r) {
        Map<String, double[]> out = new HashMap<>();
        for (Map<String, Object> c : r.path("supplyDemandGap.cells").entityList(Map.class).get()) {
            String key = ((Map<String, Object>) c.get("category")).get("code") + "|" + ((Map<String, Object>) c.get("province")).get("code")
                    + "|" + c.get("month");
            out.put(key, new double[] {((Number) c.get("supply")).doubleValue(), ((Number) c.get("demand")).doubleValue()});
        }
        return out;
    }

    private static double[] delta(Map<String, double[]> after, Map<String, double[]> before, String key) {
        double[] a = after.getOrDefault(key, new double[2]);
        double[] b = before.getOrDefault(key, new double[2]);
        return new double[] {a[0] - b[0], a[1] - b[1]};
    }

    @Test
    void listedCapacityMeetsOpenDemandByCategoryProvinceAndMonth() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        Map<String, Object> filter = Map.of("category", "SPICES", "province", "Cao Bằng");
        Map<String, double[]> before = cells(admin.document(GAP).variable("f", filter).execute());

        String coop = TestData.createOrganization(anonymous, TestData.unique("HTX Hồi quế "), "COOPERATIVE", "Cao Bằng");
        TestData.createProduct(anonymous, coop, "Hồ tiêu đen " + TestData.unique("t"), "SPICES_PEPPER",
                Map.of("unit", "tấn", "monthlyCapacity", 2, "availableMonths", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)));
        String buyer = TestData.createOrganization(anonymous, TestData.unique("Chuỗi gia vị "), "RETAIL_CHAIN", "Cao Bằng");
        YearMonth next = YearMonth.now().plusMonths(1);
        Map<String, Object> request = new HashMap<>();
        request.put("buyerOrganizationId", buyer);
        request.put("title", "Hồ tiêu đen loại 1");
        request.put("category", "SPICES_PEPPER");
        request.put("quantity", 5000);
        request.put("unit", "kg");
        request.put("frequency", "MONTHLY");
        request.put("deliveryProvince", "Cao Bằng");
        request.put("windowFrom", next.atDay(1).toString());
        request.put("windowTo", next.plusMonths(1).atEndOfMonth().toString());
        admin.document("mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) { errors { message } } }")
                .variable("i", request).execute().path("createSourcingRequest.errors").entityList(Object.class).hasSize(0);

        String key = "SPICES_PEPPER|04|" + next;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double[] d = delta(cells(admin.document(GAP).variable("f", filter).execute()), before, key);
            assertThat(d[0]).as("supply: 2 tấn a month").isEqualTo(2000.0);
            assertThat(d[1]).as("demand: 5000 kg that month").isEqualTo(5000.0);
        });
        HttpGraphQlTester.Response r = admin.document(GAP).variable("f", filter).execute();
        r.path("supplyDemandGap.unit").entity(String.class).isEqualTo("KG")
                .path("supplyDemandGap.months").entityList(String.class).hasSize(12)
                .path("supplyDemandGap.categories[*].code").entityList(String.class).contains("SPICES_PEPPER");
        // A month outside the window has the supply and no new demand.
        double[] later = delta(cells(r), before, "SPICES_PEPPER|04|" + next.plusMonths(3));
        assertThat(later).containsExactly(2000.0, 0.0);
    }

    @Test
    void searchesThatFindNothingAreCountedWithoutWhoSearchedOrTheirNumbers() {
        // Made-up words around a real one: the test index is shared and keeps growing, so a real item word
        // ("mít") may be listed by another test's or the demo's products and rightly be found.
        String lead = TestData.unique("qzy");
        String word = TestData.unique("qzx");
        for (int i = 0; i < 2; i++) {
            anonymous.document("query($q: String) { searchProducts(query: $q) { totalCount } }")
                    .variable("q", lead + " Thái  " + word.toUpperCase() + " 0901234567").execute()
                    .path("searchProducts.totalCount").entity(Integer.class).isEqualTo(0);
        }
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        // Analysts look for a term among them (as typed, tone marks and case ignored); others stay out.
        List<Map> misses = admin.document("query($w: String) { unmetSearches(first: 100, containing: $w) { query normalized cause searches lastDay } }")
                .variable("w", "THÁI " + word.toUpperCase()).execute()
                .path("unmetSearches").entityList(Map.class).get();
        assertThat(misses).singleElement().satisfies(m -> {
            assertThat(m.get("normalized")).isEqualTo(lead + " thai " + word + " #");
            assertThat(m.get("query")).isEqualTo(lead + " thái " + word + " #");
            assertThat(m.get("searches")).isEqualTo(2);
            // No filter was used, so the words themselves found nothing.
            assertThat(m.get("cause")).isEqualTo("NOT_LISTED");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_miss WHERE last_query LIKE '%0901234567%'", Integer.class)).isZero();
    }

    @Test
    void figuresCountCooperativesMembersSectorsAndVerification() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String query = """
                { cooperativeFigures(province: "Bắc Kạn") { province { code } cooperatives cooperativeMembers verifiedShare
                    byKind { key organizations } bySector { key organizations } linkagesPerQuarter { quarter formed } } }""";
        Map<String, Object> before = admin.document(query).execute().path("cooperativeFigures").entity(Map.class).get();
        String coop = admin.document("""
                        mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } errors { message } } }""")
                .variable("i", Map.of("name", TestData.unique("HTX Chè Shan "), "kind", "COOPERATIVE", "province", "Bắc Kạn",
                        "memberCount", 25, "sectors", List.of("Chè", "Du lịch cộng đồng")))
                .execute().path("createOrganization.organization.id").entity(String.class).get();
        admin.document("mutation($i: SetOrganizationVerificationInput!) { setOrganizationVerification(input: $i) { errors { code } } }")
                .variable("i", Map.of("id", coop, "verified", true)).execute();
        HttpGraphQlTester.Response after = admin.document(query).execute();
        Map<String, Object> now = after.path("cooperativeFigures").entity(Map.class).get();
        // Bắc Kạn merged into Thái Nguyên on 1 July 2025.
        after.path("cooperativeFigures.province.code").entity(String.class).isEqualTo("19")
                .path("cooperativeFigures.linkagesPerQuarter").entityList(Object.class).hasSize(8)
                .path("cooperativeFigures.bySector[?(@.key == 'chè')].organizations").entityList(Integer.class)
                .satisfies(l -> assertThat(l).singleElement().satisfies(n -> assertThat(n).isPositive()));
        assertThat(((Number) now.get("cooperatives")).intValue() - ((Number) before.get("cooperatives")).intValue()).isEqualTo(1);
        assertThat(((Number) now.get("cooperativeMembers")).intValue() - ((Number) before.get("cooperativeMembers")).intValue()).isEqualTo(25);
        assertThat((Double) now.get("verifiedShare")).isPositive();
    }

    @Test
    void onlyTheAllianceAndInsightKeysReadInsights() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String withScope = admin.document("mutation { createApiKey(input: {name: \"Sở NN\", scopes: [\"insight:read\"]}) { secret } }")
                .execute().path("createApiKey.secret").entity(String.class).get();
        String withoutScope = admin.document("mutation { createApiKey(input: {name: \"Đối tác\", scopes: [\"catalog:read\"]}) { secret } }")
                .execute().path("createApiKey.secret").entity(String.class).get();
        String query = "{ cooperativeFigures { cooperatives } unmetSearches { searches } supplyDemandGap { openRequests } }";
        assertThat(TestData.bearer(anonymous, withScope).document(query).execute().returnResponse().getErrors()).isEmpty();
        assertThat(TestData.bearer(anonymous, withoutScope).document(query).execute().returnResponse().getErrors())
                .extracting(e -> e.getExtensions().get("code")).containsOnly("FORBIDDEN");
        String member = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { token } }""")
                .variable("i", Map.of("organization", Map.of("kind", "COOPERATIVE", "name", TestData.unique("HTX "), "province", "Huế"),
                        "owner", Map.of("email", TestData.unique("i") + "@ins.vn", "name", "Xã viên", "password", "mat-khau-du-dai")))
                .execute().path("registerOrganization.token").entity(String.class).get();
        assertThat(TestData.bearer(anonymous, member).document(query).execute().returnResponse().getErrors())
                .extracting(e -> e.getExtensions().get("code")).containsOnly("FORBIDDEN");
    }
}
