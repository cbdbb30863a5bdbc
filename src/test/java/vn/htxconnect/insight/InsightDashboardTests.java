package vn.htxconnect.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * The dashboard in a real browser: headless Chromium loads /insights with an analyst's token, the page
 * reads GraphQL and ECharts draws every chart from real data. The DOM after the scripts ran is checked,
 * and a screenshot is kept in target/insights-dashboard.png.
 */
@IntegrationTest
class InsightDashboardTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Autowired
    HttpGraphQlTester anonymous;
    @LocalServerPort
    int port;

    @Test
    void everyChartRendersFromRealDataInHeadlessChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Debian's chromium is needed for this test: scripts/test.sh installs it (apt-get install chromium)");
        }
        seed();
        String url = "http://localhost:" + port + "/insights#token=" + TestData.adminToken(anonymous);
        String dom = chromium("--dump-dom", url);
        assertThat(dom).as("the page finished loading").contains("data-loaded=\"true\"");
        for (String chart : List.of("chart-status", "chart-gap", "chart-linkages", "chart-events", "chart-map", "chart-unmet")) {
            Matcher m = Pattern.compile("id=\"" + chart + "\"[^>]*").matcher(dom);
            assertThat(m.find()).as(chart).isTrue();
            assertThat(m.group()).as(chart + " rendered").contains("data-state=\"rendered\"");
            assertThat(Integer.parseInt(attribute(m.group(), "data-items"))).as(chart + " items").isPositive();
        }
        // ECharts drew SVG with the data's own labels.
        assertThat(dom).contains("<svg").contains("Cao Bằng").contains("hợp tác xã");
        // The unmet searches say why: the seeded search had no filter, so nothing is listed for its words.
        assertThat(dom).contains("Chưa có sản phẩm (");
        Path shot = Path.of("target", "insights-dashboard.png").toAbsolutePath();
        chromium("--screenshot=" + shot, url);
        assertThat(Files.size(shot)).as("screenshot kept as a test artefact").isGreaterThan(10_000);
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : "0";
    }

    /** Enough data for every chart: a cooperative with capacity, a request, an active linkage, a fruitless search. */
    private void seed() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String coop = TestData.createOrganization(anonymous, TestData.unique("HTX Quế hồi "), "COOPERATIVE", "Cao Bằng");
        String product = TestData.createProduct(anonymous, coop, "Hồi khô " + TestData.unique("h"), "SPICES",
                Map.of("unit", "tấn", "monthlyCapacity", 3));
        String chain = TestData.createOrganization(anonymous, TestData.unique("Chuỗi Gia vị "), "RETAIL_CHAIN", "Hà Nội");
        admin.document("mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) { errors { message } } }")
                .variable("i", Map.of("buyerOrganizationId", chain, "title", "Hồi khô xuất khẩu", "category", "SPICES",
                        "quantity", 8, "unit", "tấn", "frequency", "MONTHLY", "deliveryProvince", "Cao Bằng",
                        "windowFrom", java.time.LocalDate.now().plusDays(3).toString(),
                        "windowTo", java.time.LocalDate.now().plusDays(200).toString()))
                .execute().path("createSourcingRequest.errors").entityList(Object.class).hasSize(0);
        String linkage = admin.document("""
                        mutation($i: ProposeSupplyLinkageInput!) { proposeSupplyLinkage(input: $i) { linkage { id } errors { message } } }""")
                .variable("i", Map.of("supplierOrganizationId", coop, "customerOrganizationId", chain, "productId", product,
                        "volumePerPeriod", 1, "unit", "tấn", "period", "MONTHLY"))
                .execute().path("proposeSupplyLinkage.linkage.id").entity(String.class).get();
        for (String side : List.of(coop, chain)) {
            admin.document("mutation($i: SupplyLinkageActionInput!) { confirmSupplyLinkage(input: $i) { errors { message } } }")
                    .variable("i", Map.of("id", linkage, "actingOrganizationId", side)).execute()
                    .path("confirmSupplyLinkage.errors").entityList(Object.class).hasSize(0);
        }
        anonymous.document("{ searchProducts(query: \"sâm ngọc linh tím\") { totalCount } }").execute();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        admin.document("mutation($i: CreateTradeEventInput!) { createTradeEvent(input: $i) { errors { message } } }")
                .variable("i", Map.of("kind", "TRADE_FAIR", "name", TestData.unique("Hội chợ OCOP Cao Bằng "), "province", "Cao Bằng",
                        "startsOn", today.toString(), "endsOn", today.plusDays(2).toString()))
                .execute().path("createTradeEvent.errors").entityList(Object.class).hasSize(0);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> admin.document(
                "{ supplyDemandGap(filter: {province: \"Cao Bằng\"}) { cells { supply } } }").execute()
                .path("supplyDemandGap.cells[*].supply").entityList(Double.class).get().stream().anyMatch(s -> s > 0));
    }

    private static String chromium(String mode, String url) throws Exception {
        Path profile = Files.createTempDirectory("htx-chromium");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,2400",
                "--virtual-time-budget=20000", "--run-all-compositor-stages-before-draw", mode, url));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 90 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
