package vn.htxconnect.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.HeadlessChromium;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * The dashboard in a real browser: headless Chromium loads /insights with an analyst's token, the page
 * reads GraphQL and ECharts draws every chart from real data. The DOM after the scripts ran is checked,
 * and a screenshot is kept in target/insights-dashboard.png.
 */
@IntegrationTest
class InsightDashboardTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @LocalServerPort
    int port;

    @Test
    void everyChartRendersFromRealDataInHeadlessChromium() throws Exception {
        seed();
        String url = "http://localhost:" + port + "/insights#token=" + TestData.adminToken(anonymous);
        String dom = chromium("--dump-dom", url);
        assertThat(dom).as("the page finished loading").contains("data-loaded=\"true\"");
        for (String chart : List.of("chart-status", "chart-gap", "chart-linkages", "chart-events", "chart-map", "chart-unmet",
                "chart-courses", "chart-support")) {
            Matcher m = Pattern.compile("id=\"" + chart + "\"[^>]*").matcher(dom);
            assertThat(m.find()).as(chart).isTrue();
            assertThat(m.group()).as(chart + " rendered").contains("data-state=\"rendered\"");
            assertThat(Integer.parseInt(attribute(m.group(), "data-items"))).as(chart + " items").isPositive();
        }
        // ECharts drew SVG with the data's own labels.
        assertThat(dom).contains("<svg").contains("Cao Bằng").contains("hợp tác xã");
        // The unmet searches say why: the seeded search had no filter, so nothing is listed for its words.
        assertThat(dom).contains("Chưa có sản phẩm (");
        // The courses and support panel: its figures and the seeded programme's bars.
        assertThat(dom).contains("hồ sơ xin hỗ trợ").contains("Đã giải ngân").contains("Cán bộ quản lý");
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
        // A course with a registration and a programme with an approved, disbursed application, for the support panel.
        java.time.OffsetDateTime starts = java.time.OffsetDateTime.now().plusDays(5);
        String course = admin.document("mutation($i: CreateCourseInput!) { createCourse(input: $i) { course { id } errors { message } } }")
                .variable("i", Map.of("kind", "MANAGEMENT_AND_ACCOUNTING", "title", TestData.unique("Quản trị HTX "), "province", "Cao Bằng",
                        "capacity", 30, "audience", List.of("MANAGERS"), "startsAt", starts.toString(),
                        "endsAt", starts.plusHours(8).toString(), "place", "Cao Bằng", "publish", true))
                .execute().path("createCourse.errors").entityList(Object.class).hasSize(0)
                .path("createCourse.course.id").entity(String.class).get();
        admin.document("mutation($i: RegisterForCourseInput!) { registerForCourse(input: $i) { errors { message } } }")
                .variable("i", Map.of("courseId", course, "audience", "MANAGERS", "name", "Nông Văn Dũng", "phone", "09125%05d".formatted(System.nanoTime() % 100_000)))
                .execute().path("registerForCourse.errors").entityList(Object.class).hasSize(0);
        String program = admin.document("mutation($i: CreateSupportProgramInput!) { createSupportProgram(input: $i) { program { id } errors { message } } }")
                .variable("i", Map.of("name", TestData.unique("Hỗ trợ HTX Cao Bằng "), "kind", "GRANT", "legalBasisKind", "PROVINCIAL_RESOLUTION",
                        "legalBasis", "Nghị quyết HĐND tỉnh", "provider", "UBND tỉnh Cao Bằng", "budgetVnd", 2_000_000_000L,
                        "amountPerBeneficiaryVnd", 300_000_000L, "opensOn", today.minusDays(5).toString(),
                        "closesOn", today.plusDays(60).toString(), "rules", List.of()))
                .execute().path("createSupportProgram.program.id").entity(String.class).get();
        String application = admin.document("mutation($i: ApplyForSupportInput!) { applyForSupport(input: $i) { application { id } errors { message } } }")
                .variable("i", Map.of("programId", program, "organizationId", coop, "amountVnd", 200_000_000L, "purpose", "Lò sấy hồi"))
                .execute().path("applyForSupport.application.id").entity(String.class).get();
        admin.document("mutation($i: ReviewSupportApplicationInput!) { reviewSupportApplication(input: $i) { errors { message } } }")
                .variable("i", Map.of("applicationId", application, "decision", "APPROVE", "amountVnd", 150_000_000L))
                .execute().path("reviewSupportApplication.errors").entityList(Object.class).hasSize(0);
        admin.document("mutation($i: SupportPaymentInput!) { recordSupportDisbursement(input: $i) { errors { message } } }")
                .variable("i", Map.of("applicationId", application, "amountVnd", 100_000_000L, "on", today.toString()))
                .execute().path("recordSupportDisbursement.errors").entityList(Object.class).hasSize(0);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> admin.document(
                "{ supplyDemandGap(filter: {province: \"Cao Bằng\"}) { cells { supply } } }").execute()
                .path("supplyDemandGap.cells[*].supply").entityList(Double.class).get().stream().anyMatch(s -> s > 0));
    }

    private static String chromium(String mode, String url) throws Exception {
        return HeadlessChromium.run(mode, url);
    }
}
