package vn.htxconnect.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** The value-chain graph (depth, direction, cycles, products), its SVG picture and who sees volumes on it. */
@IntegrationTest
class ValueChainTests {

    static final String CHAIN = """
            query($o: ID, $p: ID, $d: Int, $dir: ValueChainDirection) {
              valueChain(organizationId: $o, productId: $p, depth: $d, direction: $dir) {
                truncated svgUrl root { id }
                nodes { organization { id name } stage distance }
                links { id volumePerPeriod supplier { id } customer { id } } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    SqlStatementCounter sql;
    @LocalServerPort
    int port;

    HttpGraphQlTester admin;
    String coopA;
    String coopB;
    String processor;
    String distributor;
    String retailer;
    String productA;

    @BeforeEach
    void chain() {
        admin = TestData.asAdmin(anonymous);
        coopA = org("HTX Cà phê Cầu Đất ", "COOPERATIVE");
        coopB = org("HTX Cà phê Xuân Trường ", "COOPERATIVE");
        processor = org("Xưởng rang <Tổ & hợp> ", "PROCESSOR");
        distributor = org("Nhà phân phối Nam Trung Bộ ", "DISTRIBUTOR");
        retailer = org("Chuỗi Bách Hóa ", "RETAIL_CHAIN");
        productA = TestData.createProduct(anonymous, coopA, "Cà phê arabica Cầu Đất " + TestData.unique("c"), "COFFEE", Map.of());
        active(coopA, processor, Map.of("productId", productA, "volumePerPeriod", 5));
        active(coopB, processor, Map.of("category", "COFFEE", "volumePerPeriod", 3));
        active(processor, distributor, Map.of("category", "COFFEE", "volumePerPeriod", 6));
        active(distributor, retailer, Map.of("category", "COFFEE", "volumePerPeriod", 2));
    }

    private String org(String prefix, String kind) {
        return TestData.createOrganization(anonymous, TestData.unique(prefix), kind, "Lâm Đồng");
    }

    /** Recorded by the Alliance and confirmed for both sides by an admin. */
    private String active(String supplier, String customer, Map<String, Object> extra) {
        Map<String, Object> in = new HashMap<>(extra);
        in.put("supplierOrganizationId", supplier);
        in.put("customerOrganizationId", customer);
        in.put("unit", "tấn");
        in.put("period", "MONTHLY");
        String id = admin.document(LinkageFlowTests.PROPOSE).variable("i", in).execute()
                .path("proposeSupplyLinkage.errors").entityList(Object.class).hasSize(0)
                .path("proposeSupplyLinkage.linkage.id").entity(String.class).get();
        for (String side : List.of(supplier, customer)) {
            admin.document(LinkageFlowTests.ACT.formatted("confirmSupplyLinkage"))
                    .variable("i", Map.of("id", id, "actingOrganizationId", side)).execute()
                    .path("confirmSupplyLinkage.errors").entityList(Object.class).hasSize(0);
        }
        return id;
    }

    private HttpGraphQlTester.Response chain(HttpGraphQlTester as, String org, String product, int depth, String dir) {
        return as.document(CHAIN).variable("o", org).variable("p", product).variable("d", depth).variable("dir", dir).execute();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> distances(HttpGraphQlTester.Response r) {
        Map<String, Integer> out = new HashMap<>();
        for (Map<String, Object> n : r.path("valueChain.nodes").entityList(Map.class).get()) {
            out.put((String) ((Map<String, Object>) n.get("organization")).get("id"), (Integer) n.get("distance"));
        }
        return out;
    }

    @Test
    void followsLinkagesUpAndDownToTheAskedDepth() {
        HttpGraphQlTester.Response both = chain(admin, processor, null, 2, "BOTH");
        assertThat(distances(both)).containsExactlyInAnyOrderEntriesOf(Map.of(coopA, -1, coopB, -1, processor, 0, distributor, 1, retailer, 2));
        both.path("valueChain.links").entityList(Object.class).hasSize(4)
                .path("valueChain.nodes[?(@.distance == 0)].stage").entityList(String.class).containsExactly("PROCESSING");
        assertThat(distances(chain(admin, processor, null, 1, "BOTH"))).containsOnlyKeys(coopA, coopB, processor, distributor);
        assertThat(distances(chain(admin, retailer, null, 4, "UPSTREAM")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(retailer, 0, distributor, -1, processor, -2, coopA, -3, coopB, -3));
        assertThat(distances(chain(admin, retailer, null, 4, "DOWNSTREAM"))).containsOnlyKeys(retailer);
        // A product's chain starts with its own linkages.
        assertThat(distances(chain(admin, null, productA, 2, "BOTH")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(coopA, 0, processor, 1, distributor, 2));
        assertThat(chain(admin, processor, null, 5, "BOTH").returnResponse().getErrors())
                .extracting(e -> e.getExtensions().get("code")).containsExactly("BAD_REQUEST");
    }

    @Test
    void aCycleIsFollowedOnce() {
        String other = org("Nhà phân phối Tây Nguyên ", "DISTRIBUTOR");
        active(distributor, other, Map.of("category", "COFFEE", "volumePerPeriod", 1));
        active(other, distributor, Map.of("category", "COFFEE", "volumePerPeriod", 1));
        HttpGraphQlTester.Response r = chain(admin, distributor, null, 4, "BOTH");
        r.path("valueChain.truncated").entity(Boolean.class).isEqualTo(false)
                .path("valueChain.links").entityList(Object.class).hasSize(6);
        // Reached both ways at the first level; either distance is right for a cycle, listed once.
        assertThat(distances(r)).containsKey(other).containsEntry(distributor, 0);
        assertThat(Math.abs(distances(r).get(other))).isEqualTo(1);
    }

    @Test
    void thePictureShowsVolumesOnlyToThoseWhoMaySeeThemAndRefusesForgedLinks() throws Exception {
        String alliancePicture = get(chain(admin, processor, null, 2, "BOTH").path("valueChain.svgUrl").entity(String.class).get(), 200);
        assertThat(alliancePicture).startsWith("<svg").contains("Sản xuất · Production", "Chế biến · Processing",
                "Xưởng rang &lt;Tổ &amp; hợp&gt;", "6 tấn/tháng", "5 tấn/tháng");
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(alliancePicture.getBytes(StandardCharsets.UTF_8)));

        HttpGraphQlTester outsider = TestData.bearer(anonymous, register());
        HttpGraphQlTester.Response seen = chain(outsider, processor, null, 2, "BOTH");
        seen.path("valueChain.links[*].volumePerPeriod").entityList(Object.class).satisfies(v -> assertThat(v).containsOnlyNulls());
        String outsiderPicture = get(seen.path("valueChain.svgUrl").entity(String.class).get(), 200);
        assertThat(outsiderPicture).contains("Nhà phân phối Nam Trung Bộ", "Cà phê").doesNotContain("tấn/tháng");

        String url = seen.path("valueChain.svgUrl").entity(String.class).get();
        assertThat(get(url.substring(0, url.length() - 3) + "abc", 403)).doesNotContain("<svg");
        assertThat(get("/value-chains/svg", 403)).doesNotContain("Exception");
        // A sign-in token is not a picture link, and a picture link is not a sign-in token.
        assertThat(get("/value-chains/svg?token=" + TestData.adminToken(anonymous), 403)).doesNotContain("<svg");
        String linkToken = url.substring(url.indexOf("token=") + 6);
        HttpResponse<String> asSignIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Authorization", "Bearer " + linkToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ me { id } }\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asSignIn.statusCode()).isEqualTo(401);
        assertThat(asSignIn.body()).contains("UNAUTHENTICATED");
    }

    private String register() {
        return anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { token } }""")
                .variable("i", Map.of("organization", Map.of("kind", "RETAIL_CHAIN", "name", TestData.unique("Chuỗi ngoài "), "province", "Hà Nội"),
                        "owner", Map.of("email", TestData.unique("v") + "@vc.vn", "name", "Người xem", "password", "mat-khau-du-dai")))
                .execute().path("registerOrganization.token").entity(String.class).get();
    }

    private String get(String path, int status) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        if (status == 200) {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        }
        return r.body();
    }

    @Test
    void statementsDoNotGrowWithTheChainsWidth() {
        int narrow = statements();
        for (int i = 0; i < 4; i++) {
            active(distributor, org("Cửa hàng ", "RETAIL_CHAIN"), Map.of("category", "COFFEE", "volumePerPeriod", 1));
        }
        String before = sql.statements().toString();
        int wide = statements();
        assertThat(wide).as(before + "\n----\n" + sql.statements()).isEqualTo(narrow);
    }

    private int statements() {
        sql.reset();
        chain(admin, processor, null, 2, "BOTH").path("valueChain.links").entityList(Object.class).satisfies(l -> assertThat(l).isNotEmpty());
        return sql.count();
    }
}
