package vn.htxconnect.sourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** Sourcing requests end to end: bad input, visibility, judged matching quality, explanations, leads, no N+1. */
@IntegrationTest
// Its own database and indices, emptied once per run: the judged ranking must not depend on what
// other test classes left in the shared catalogue (matches are cut at the top 100 of all suppliers).
@org.springframework.test.context.TestPropertySource(properties = {
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}sourcing-",
        "spring.datasource.url=" + vn.htxconnect.testing.DedicatedDatabase.URL + "sourcing"
                + vn.htxconnect.testing.DedicatedDatabase.OPTIONS})
class SourcingFlowTests {

    @Autowired
    org.springframework.context.ApplicationContext context;

    private void emptyOnce() throws Exception {
        vn.htxconnect.testing.DedicatedDatabase.emptyOnce(context);
    }

    static final String CREATE = """
            mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) {
              sourcingRequest { id status quantity targetMaxPriceVnd expiresAt deliveryProvince { code } }
              errors { field code message } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlStatementCounter sql;

    HttpGraphQlTester admin;
    HttpGraphQlTester buyer;
    String buyerOrg;

    @BeforeEach
    void buyer() throws Exception {
        emptyOnce();
        admin = TestData.asAdmin(anonymous);
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", "RETAIL_CHAIN", "name", TestData.unique("Chuỗi sạch "), "province", "Hà Nội"),
                        "owner", Map.of("email", TestData.unique("b") + "@chuoi.vn", "name", "Người mua", "password", "mat-khau-du-dai")))
                .execute();
        buyerOrg = r.path("registerOrganization.organization.id").entity(String.class).get();
        buyer = TestData.bearer(anonymous, r.path("registerOrganization.token").entity(String.class).get());
    }

    Map<String, Object> valid() {
        Map<String, Object> in = new HashMap<>();
        in.put("buyerOrganizationId", buyerOrg);
        in.put("title", "Rau cải hữu cơ");
        in.put("quantity", 2);
        in.put("unit", "tấn");
        in.put("frequency", "WEEKLY");
        in.put("deliveryProvince", "Hà Nội");
        in.put("windowFrom", LocalDate.now().plusDays(10).toString());
        in.put("windowTo", LocalDate.now().plusDays(100).toString());
        return in;
    }

    private void assertRejected(Map<String, Object> changes, String field, String code) {
        Map<String, Object> in = valid();
        in.putAll(changes);
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM sourcing_request", Integer.class);
        HttpGraphQlTester.Response r = buyer.document(CREATE).variable("i", in).execute();
        r.path("createSourcingRequest.sourcingRequest").valueIsNull();
        List<Map<String, Object>> errors = r.path("createSourcingRequest.errors").entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(List.of("input", field));
            assertThat(e.get("code")).isEqualTo(code);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sourcing_request", Integer.class)).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        assertRejected(Map.of("quantity", 0), "quantity", "OUT_OF_RANGE");
        assertRejected(Map.of("quantity", -3), "quantity", "OUT_OF_RANGE");
        assertRejected(Map.of("unit", "sọt"), "unit", "INVALID");
        assertRejected(Map.of("windowTo", LocalDate.now().plusDays(5).toString()), "windowTo", "INVALID");
        assertRejected(Map.of("maxDistanceKm", 5000), "maxDistanceKm", "OUT_OF_RANGE");
        assertRejected(Map.of("maxDistanceKm", 0), "maxDistanceKm", "OUT_OF_RANGE");
        assertRejected(Map.of("deliveryProvince", "Atlantis"), "deliveryProvince", "INVALID");
        assertRejected(Map.of("visibility", "INVITED"), "invitedOrganizationIds", "REQUIRED");
        // OTHER names no scheme in particular: not a requirement a supplier could meet.
        assertRejected(Map.of("certifications", List.of("VIETGAP", "OTHER")), "certifications", "INVALID");
        String coop = TestData.createOrganization(anonymous, TestData.unique("HTX "), "COOPERATIVE", "Gia Lai");
        // A cooperative is not a buyer (admin may act for it, but the kind is wrong).
        Map<String, Object> asCoop = valid();
        asCoop.put("buyerOrganizationId", coop);
        admin.document(CREATE).variable("i", asCoop).execute()
                .path("createSourcingRequest.errors[0].code").entity(String.class).isEqualTo("INVALID");
        // On behalf of another organization: refused before anything is written.
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM sourcing_request", Integer.class);
        String otherBuyer = TestData.createOrganization(anonymous, TestData.unique("Chuỗi khác "), "RETAIL_CHAIN", "Huế");
        Map<String, Object> other = valid();
        other.put("buyerOrganizationId", otherBuyer);
        buyer.document(CREATE).variable("i", other).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sourcing_request", Integer.class)).isEqualTo(before);
    }

    @Test
    void lifecycleAndConfidentialFields() {
        Map<String, Object> in = valid();
        in.put("targetMaxPriceVnd", 15000);
        in.put("confidentialFields", List.of("TARGET_PRICE", "QUANTITY"));
        String id = buyer.document(CREATE).variable("i", in).execute()
                .path("createSourcingRequest.errors").entityList(Object.class).hasSize(0)
                .path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
        String q = "query($id: ID!) { sourcingRequest(id: $id) { quantity targetMaxPriceVnd status buyerOrganization { id } } }";
        buyer.document(q).variable("id", id).execute().path("sourcingRequest.targetMaxPriceVnd").entity(Long.class).isEqualTo(15000L);
        HttpGraphQlTester coop = TestData.bearer(anonymous, registerCooperative());
        HttpGraphQlTester.Response seen = coop.document(q).variable("id", id).execute();
        seen.path("sourcingRequest.targetMaxPriceVnd").valueIsNull();
        seen.path("sourcingRequest.quantity").valueIsNull();
        seen.path("sourcingRequest.buyerOrganization.id").entity(String.class).isEqualTo(buyerOrg);
        coop.document("{ openSourcingRequests(first: 100) { edges { node { id } } } }").execute()
                .path("openSourcingRequests.edges[*].node.id").entityList(String.class).contains(id);
        buyer.document("mutation($id: ID!) { pauseSourcingRequest(input: {id: $id}) { sourcingRequest { status } errors { code } } }")
                .variable("id", id).execute().path("pauseSourcingRequest.sourcingRequest.status").entity(String.class).isEqualTo("PAUSED");
        coop.document(q).variable("id", id).execute().errors()
                .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();
        buyer.document("mutation($id: ID!) { resumeSourcingRequest(input: {id: $id}) { sourcingRequest { status } } }")
                .variable("id", id).execute().path("resumeSourcingRequest.sourcingRequest.status").entity(String.class).isEqualTo("OPEN");
        buyer.document("mutation($id: ID!) { closeSourcingRequest(input: {id: $id, outcome: FULFILLED, reason: \"Đủ hàng\"}) { sourcingRequest { status statusReason } } }")
                .variable("id", id).execute().path("closeSourcingRequest.sourcingRequest.status").entity(String.class).isEqualTo("FULFILLED");
        buyer.document("mutation($id: ID!) { resumeSourcingRequest(input: {id: $id}) { errors { code } } }")
                .variable("id", id).execute().path("resumeSourcingRequest.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        buyer.document("{ mySourcingRequests(filter: {status: FULFILLED}) { totalCount edges { node { id } } } }").execute()
                .path("mySourcingRequests.edges[*].node.id").entityList(String.class).containsExactly(id);
    }

    @Test
    void invitedRequestsAreSeenOnlyByInvitedSuppliers() {
        Registered invitedCoop = registerCooperativeWithOrg();
        HttpGraphQlTester stranger = TestData.bearer(anonymous, registerCooperative());
        Map<String, Object> in = valid();
        in.put("visibility", "INVITED");
        in.put("invitedOrganizationIds", List.of(invitedCoop.org()));
        String id = buyer.document(CREATE).variable("i", in).execute()
                .path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
        String q = "query($id: ID!) { sourcingRequest(id: $id) { id invitedOrganizationIds } }";
        TestData.bearer(anonymous, invitedCoop.token()).document(q).variable("id", id).execute()
                .path("sourcingRequest.invitedOrganizationIds").entityList(String.class).hasSize(0);
        stranger.document(q).variable("id", id).execute().errors()
                .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();
    }

    record Registered(String org, String token) {
    }

    private String registerCooperative() {
        return registerCooperativeWithOrg().token();
    }

    private Registered registerCooperativeWithOrg() {
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", "COOPERATIVE", "name", TestData.unique("HTX "), "province", "Gia Lai"),
                        "owner", Map.of("email", TestData.unique("c") + "@htx.vn", "name", "Xã viên", "password", "mat-khau-du-dai")))
                .execute();
        return new Registered(r.path("registerOrganization.organization.id").entity(String.class).get(),
                r.path("registerOrganization.token").entity(String.class).get());
    }

    /** The judged fixture: each request's known best suppliers come first, in order; excluded ones never match. */
    @Test
    void judgedFixtureRankingHolds() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/sourcing/judged-requests.json")) {
            fixture = JsonMapper.builder().build().readTree(in);
        }
        List<String> failures = new ArrayList<>();
        double ndcgSum = 0;
        int cases = 0;
        for (JsonNode c : fixture.get("cases")) {
            String tag = TestData.unique("jg");
            Map<String, String> productKeys = new LinkedHashMap<>();
            for (JsonNode s : c.get("suppliers")) {
                String org = TestData.createOrganization(anonymous, "HTX " + s.get("key").asText() + " " + tag, "COOPERATIVE",
                        s.get("province").asText());
                if (s.get("verified").asBoolean()) {
                    admin.document("mutation($i: SetOrganizationVerificationInput!) { setOrganizationVerification(input: $i) { errors { code } } }")
                            .variable("i", Map.of("id", org, "verified", true)).execute();
                }
                Map<String, Object> extra = new HashMap<>();
                extra.put("unit", s.get("unit").asText());
                extra.put("monthlyCapacity", s.get("monthlyCapacity").asDouble());
                if (s.has("priceMinVnd")) {
                    extra.put("priceMinVnd", s.get("priceMinVnd").asLong());
                }
                extra.put("lat", s.get("lat").asDouble());
                extra.put("lon", s.get("lon").asDouble());
                extra.put("province", s.get("province").asText());
                List<Map<String, Object>> certs = new ArrayList<>();
                for (JsonNode cert : s.get("certs")) {
                    certs.add(Map.of("scheme", cert.get(0).asText(), "number", "C-" + tag,
                            "validFrom", LocalDate.now().minusDays(30).toString(),
                            "validTo", LocalDate.now().plusDays(cert.get(1).asInt()).toString()));
                }
                extra.put("certifications", certs);
                String pid = TestData.createProduct(anonymous, org, s.get("name").asText() + " " + tag,
                        c.get("request").get("category").asText(), extra);
                productKeys.put(pid, s.get("key").asText());
            }
            awaitSearchable(tag, productKeys.size());
            JsonNode r = c.get("request");
            Map<String, Object> in = new HashMap<>();
            in.put("buyerOrganizationId", buyerOrg);
            for (String f : List.of("title", "category", "unit", "frequency", "deliveryProvince")) {
                in.put(f, r.get(f).asText());
            }
            // The shared test database holds other tests' products of the same category: the tag in the
            // title keeps this case's suppliers among the candidates, as a buyer's precise words would.
            in.put("title", r.get("title").asText() + " " + tag);
            in.put("quantity", r.get("quantity").asDouble());
            in.put("deliveryLat", r.get("deliveryLat").asDouble());
            in.put("deliveryLon", r.get("deliveryLon").asDouble());
            if (r.has("maxDistanceKm")) {
                in.put("maxDistanceKm", r.get("maxDistanceKm").asDouble());
            }
            if (r.has("targetMaxPriceVnd")) {
                in.put("targetMaxPriceVnd", r.get("targetMaxPriceVnd").asLong());
            }
            if (r.has("certifications")) {
                List<String> schemes = new ArrayList<>();
                r.get("certifications").forEach(x -> schemes.add(x.asText()));
                in.put("certifications", schemes);
            }
            in.put("windowFrom", LocalDate.now().plusDays(r.get("windowFromDays").asInt()).toString());
            in.put("windowTo", LocalDate.now().plusDays(r.get("windowToDays").asInt()).toString());
            String id = buyer.document(CREATE).variable("i", in).execute()
                    .path("createSourcingRequest.errors").entityList(Object.class).hasSize(0)
                    .path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
            List<String> ranked = buyer.document("query($id: ID!) { sourcingRequest(id: $id) { matches(first: 100) { product { id } } } }")
                    .variable("id", id).execute().path("sourcingRequest.matches[*].product.id").entityList(String.class).get()
                    .stream().filter(productKeys::containsKey).map(productKeys::get).toList();
            List<String> expected = new ArrayList<>();
            c.get("expected").forEach(x -> expected.add(x.asText()));
            List<String> excluded = new ArrayList<>();
            c.get("excluded").forEach(x -> excluded.add(x.asText()));
            if (!ranked.equals(expected)) {
                failures.add(c.get("name").asText() + ": expected " + expected + " got " + ranked);
            }
            for (String x : excluded) {
                if (ranked.contains(x)) {
                    failures.add(c.get("name").asText() + ": " + x + " must not match");
                }
            }
            ndcgSum += ndcg(ranked, expected);
            cases++;
        }
        assertThat(failures).isEmpty();
        assertThat(ndcgSum / cases).isGreaterThanOrEqualTo(0.95);
    }

    /** Written products become searchable after the outbox drains and the index refreshes. */
    private void awaitSearchable(String tag, int n) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TestData.searchNames(anonymous, tag, Map.of())).hasSize(n));
    }

    /** NDCG with graded relevance: the first expected supplier is worth most. */
    static double ndcg(List<String> ranked, List<String> expected) {
        double dcg = 0;
        double ideal = 0;
        for (int i = 0; i < expected.size(); i++) {
            ideal += (expected.size() - i) / (Math.log(i + 2) / Math.log(2));
        }
        for (int i = 0; i < ranked.size(); i++) {
            int pos = expected.indexOf(ranked.get(i));
            if (pos >= 0) {
                dcg += (expected.size() - pos) / (Math.log(i + 2) / Math.log(2));
            }
        }
        return ideal == 0 ? 1 : dcg / ideal;
    }

    @Test
    void leadsOfSeveralProductsComeBackTogetherEachWithItsOwnRequests() {
        String tag = TestData.unique("ld");
        String longan = TestData.createProduct(anonymous, TestData.createOrganization(anonymous, "HTX Nhãn " + tag, "COOPERATIVE", "Sơn La"),
                "Nhãn xuồng " + tag, "FRUIT_LYCHEE_LONGAN", Map.of("unit", "kg", "monthlyCapacity", 2000));
        String coffee = TestData.createProduct(anonymous, TestData.createOrganization(anonymous, "HTX Cà phê " + tag, "COOPERATIVE", "Lâm Đồng"),
                "Cà phê Arabica Cầu Đất " + tag, "COFFEE", Map.of("unit", "kg", "monthlyCapacity", 2000));
        Map<String, String> requests = new HashMap<>();
        for (Map.Entry<String, String> e : Map.of("FRUIT_LYCHEE_LONGAN", "Nhãn xuồng " + tag, "COFFEE", "Cà phê Arabica " + tag).entrySet()) {
            Map<String, Object> in = valid();
            in.put("title", e.getValue());
            in.put("category", e.getKey());
            in.put("frequency", "MONTHLY");
            requests.put(e.getKey(), buyer.document(CREATE).variable("i", in).execute()
                    .path("createSourcingRequest.sourcingRequest.id").entity(String.class).get());
        }
        awaitSearchable(tag, 2);
        // One GraphQL request for both products: their leads are looked up together (one multi-search).
        String both = """
                query($a: ID!, $b: ID!) { a: product(id: $a) { leads(first: 50) { request { id } } }
                                          b: product(id: $b) { leads(first: 50) { request { id } } } }""";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpGraphQlTester.Response r = admin.document(both).variable("a", longan).variable("b", coffee).execute();
            assertThat(r.path("a.leads[*].request.id").entityList(String.class).get())
                    .contains(requests.get("FRUIT_LYCHEE_LONGAN")).doesNotContain(requests.get("COFFEE"));
            assertThat(r.path("b.leads[*].request.id").entityList(String.class).get())
                    .contains(requests.get("COFFEE")).doesNotContain(requests.get("FRUIT_LYCHEE_LONGAN"));
        });
    }

    @Test
    void matchesExplainThemselvesAndLeadsComeBack() {
        String tag = TestData.unique("ex");
        String coop = TestData.createOrganization(anonymous, "HTX Nhãn " + tag, "COOPERATIVE", "Hưng Yên");
        String pid = TestData.createProduct(anonymous, coop, "Nhãn lồng Hưng Yên " + tag, "FRUIT_LYCHEE_LONGAN",
                Map.of("unit", "kg", "monthlyCapacity", 3000, "lat", 20.65, "lon", 106.05,
                        "certifications", List.of(Map.of("scheme", "VIETGAP", "number", "VG-" + tag,
                                "validTo", LocalDate.now().plusYears(2).withDayOfMonth(15).toString()))));
        Map<String, Object> in = valid();
        in.put("title", "Nhãn lồng " + tag);
        in.put("category", "FRUIT_LYCHEE_LONGAN");
        in.put("quantity", 5);
        in.put("unit", "tấn");
        in.put("frequency", "MONTHLY");
        in.put("certifications", List.of("VIETGAP"));
        String id = buyer.document(CREATE).variable("i", in).execute()
                .path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
        awaitSearchable(tag, 1);
        String q = """
                query($id: ID!) { sourcingRequest(id: $id) { matches(first: 50) { score coverage distanceKm product { id }
                  factors { factor score weight explanation } } } }""";
        String validTo = LocalDate.now().plusYears(2).format(java.time.format.DateTimeFormatter.ofPattern("MM/yyyy"));
        List<Map<String, Object>> vi = buyer.document(q).variable("id", id).execute()
                .path("sourcingRequest.matches[?(@.product.id == '" + pid + "')].factors[*]")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(vi).extracting(f -> f.get("explanation")).contains("Đáp ứng 60% sản lượng yêu cầu (cung ứng một phần)",
                "VietGAP còn hiệu lực đến " + validTo);
        assertThat(vi).extracting(f -> (String) f.get("explanation")).anyMatch(s -> s.matches("Cách điểm giao \\d+ km"));
        List<String> en = buyer.mutate().header("Accept-Language", "en").build().document(q).variable("id", id).execute()
                .path("sourcingRequest.matches[?(@.product.id == '" + pid + "')].factors[*].explanation").entityList(String.class).get();
        assertThat(en).contains("Covers 60% of the requested volume (partial supply)");
        // The reverse: the cooperative sees the request among its product's leads.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin
                .document("query($id: ID!) { product(id: $id) { leads(first: 20) { score request { id } } } }")
                .variable("id", pid).execute().path("product.leads[*].request.id").entityList(String.class).get()).contains(id));
        // Closed requests leave the leads.
        buyer.document("mutation($id: ID!) { closeSourcingRequest(input: {id: $id}) { errors { code } } }").variable("id", id).execute();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin
                .document("query($id: ID!) { product(id: $id) { leads(first: 20) { request { id } } } }")
                .variable("id", pid).execute().path("product.leads[*].request.id").entityList(String.class).get()).doesNotContain(id));
    }

    /** Matches with their suppliers' details cost the same SQL for 3 matches as for 30. */
    @Test
    void matchStatementsDoNotGrowWithCount() {
        String tag = TestData.unique("mn");
        for (int i = 0; i < 30; i++) {
            String org = TestData.createOrganization(anonymous, "HTX Bưởi " + tag + " " + i, "COOPERATIVE", "Vĩnh Long");
            TestData.createProduct(anonymous, org, "Bưởi da xanh " + tag + " " + i, "FRUIT_CITRUS", Map.of());
        }
        Map<String, Object> in = valid();
        in.put("title", "Bưởi da xanh " + tag);
        String id = buyer.document(CREATE).variable("i", in).execute()
                .path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
        awaitSearchable(tag, 30);
        TestData.awaitOutboxDrained(jdbc);
        String q = """
                query($id: ID!, $n: Int) { sourcingRequest(id: $id) { buyerOrganization { name }
                  matches(first: $n) { score product { name organization { name verificationStatus provinceCode } } } } }""";
        sql.reset();
        buyer.document(q).variable("id", id).variable("n", 3).execute().path("sourcingRequest.matches").entityList(Object.class).hasSize(3);
        int small = sql.count();
        sql.reset();
        buyer.document(q).variable("id", id).variable("n", 30).execute().path("sourcingRequest.matches").entityList(Object.class).hasSize(30);
        assertThat(sql.count()).as(sql.statements().toString()).isEqualTo(small);
    }
}
