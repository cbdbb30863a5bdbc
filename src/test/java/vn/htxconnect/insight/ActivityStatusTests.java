package vn.htxconnect.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.insight.ActivityFixtures.ago;
import static vn.htxconnect.insight.ActivityFixtures.month;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.htxconnect.insight.ActivityFixtures.Party;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** Statuses with their explanations, who sees them, the province report with its trend, and its CSV. */
@IntegrationTest
class ActivityStatusTests {

    static final String ACTIVITY = """
            query($id: ID!) { organization(id: $id) { activity { status lastActivityAt lastActivityKind summary explanation
              signals { kind lastAt explanation } } } }""";
    static final String COUNTS = "counts { total active dormant paperOnly new }";
    static final String REPORT = """
            query($p: String!) { cooperativeActivityReport(province: $p) { province { code } %s
              trend { month endsAt %s } csvUrl } }""".formatted(COUNTS, COUNTS);

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlStatementCounter sql;
    @Autowired
    List<vn.htxconnect.organization.ActivitySource> sources;
    @LocalServerPort
    int port;

    HttpGraphQlTester admin;
    ActivityFixtures fixtures;

    @BeforeEach
    void setUp() {
        admin = TestData.asAdmin(anonymous);
        fixtures = new ActivityFixtures(anonymous, jdbc);
    }

    private static HttpGraphQlTester in(HttpGraphQlTester tester, String language) {
        return tester.mutate().header("Accept-Language", language).build();
    }

    private HttpGraphQlTester.Response activity(HttpGraphQlTester as, Party p) {
        return as.document(ACTIVITY).variable("id", p.id()).execute();
    }

    @Test
    void statusesFollowTheLatestSignalAndExplainThemselvesInVietnameseAndEnglish() {
        Party updated = fixtures.registeredMonthsAgo("Cao Bằng", 24);
        TestData.createProduct(anonymous, updated.id(), TestData.unique("Miến dong "), "PROCESSED", Map.of());
        Party signedIn = fixtures.registeredMonthsAgo("Cao Bằng", 24);
        Timestamp eightMonths = ago(8, 2);
        fixtures.signedIn(signedIn, eightMonths);
        Party never = fixtures.registeredMonthsAgo("Cao Bằng", 24);
        Party stale = fixtures.registeredMonthsAgo("Cao Bằng", 24);
        Timestamp fourteenMonths = ago(14, 2);
        fixtures.productListed(stale, fourteenMonths);
        Party fresh = fixtures.register("COOPERATIVE", "Cao Bằng");

        activity(in(admin, "en"), updated).path("organization.activity.status").entity(String.class).isEqualTo("ACTIVE")
                .path("organization.activity.lastActivityKind").entity(String.class).isEqualTo("PRODUCT_UPDATED")
                .path("organization.activity.summary").entity(String.class).satisfies(s ->
                        assertThat(s).startsWith("Active in the last 6 months: latest activity in "))
                .path("organization.activity.signals[*].kind").entityList(String.class)
                .containsExactly("SIGNED_IN", "PRODUCT_UPDATED", "INQUIRY_ANSWERED", "QUOTE_SENT", "SUPPLY_EVENT", "EVENT_ATTENDED", "COURSE_ATTENDED");

        activity(in(admin, "en"), signedIn).path("organization.activity.status").entity(String.class).isEqualTo("DORMANT")
                .path("organization.activity.summary").entity(String.class)
                .isEqualTo("No activity for 8 months (latest in " + month(eightMonths) + ")")
                .path("organization.activity.signals[0].explanation").entity(String.class)
                .isEqualTo("Last member sign-in: " + month(eightMonths))
                .path("organization.activity.explanation").entity(String.class).satisfies(e -> assertThat(e)
                        .contains("Last member sign-in: " + month(eightMonths), "No product listed", "No quote sent"));
        activity(in(admin, "vi"), signedIn).path("organization.activity.summary").entity(String.class)
                .isEqualTo("Không có hoạt động nào trong 8 tháng (lần cuối vào " + month(eightMonths) + ")")
                .path("organization.activity.explanation").entity(String.class).satisfies(e -> assertThat(e)
                        .contains("Lần cuối thành viên đăng nhập: " + month(eightMonths), "Chưa đăng sản phẩm nào",
                                "Chưa gửi báo giá nào"));

        activity(in(admin, "en"), never).path("organization.activity.status").entity(String.class).isEqualTo("PAPER_ONLY")
                .path("organization.activity.lastActivityAt").valueIsNull()
                .path("organization.activity.summary").entity(String.class).satisfies(s ->
                        assertThat(s).startsWith("Never active since registration in ").endsWith("(24 months ago)"));
        activity(in(admin, "vi"), never).path("organization.activity.summary").entity(String.class).satisfies(s ->
                assertThat(s).startsWith("Chưa từng hoạt động kể từ khi đăng ký vào ").endsWith("(24 tháng trước)"));

        activity(in(admin, "vi"), stale).path("organization.activity.status").entity(String.class).isEqualTo("PAPER_ONLY")
                .path("organization.activity.summary").entity(String.class)
                .isEqualTo("Không có hoạt động nào trong 14 tháng (lần cuối vào " + month(fourteenMonths) + ")")
                .path("organization.activity.signals[1].explanation").entity(String.class)
                .isEqualTo("Lần cuối cập nhật sản phẩm: " + month(fourteenMonths));

        activity(in(admin, "en"), fresh).path("organization.activity.status").entity(String.class).isEqualTo("NEW")
                .path("organization.activity.summary").entity(String.class).satisfies(s -> assertThat(s).endsWith("; no activity yet"));
    }

    @Test
    void aSignInThroughTheApiCountsForTheMembersOrganization() {
        String email = TestData.unique("dn") + "@htx.vn";
        String org = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } } }""")
                .variable("i", Map.of("organization", Map.of("kind", "COOPERATIVE_GROUP", "name", TestData.unique("Tổ hợp tác "),
                        "province", "Cao Bằng"), "owner", Map.of("email", email, "name", "Tổ trưởng", "password", "mat-khau-du-dai")))
                .execute().path("registerOrganization.organization.id").entity(String.class).get();
        admin.document(ACTIVITY).variable("id", org).execute()
                .path("organization.activity.status").entity(String.class).isEqualTo("NEW");
        TestData.login(anonymous, email, "mat-khau-du-dai");
        admin.document(ACTIVITY).variable("id", org).execute()
                .path("organization.activity.status").entity(String.class).isEqualTo("ACTIVE")
                .path("organization.activity.lastActivityKind").entity(String.class).isEqualTo("SIGNED_IN");
    }

    @Test
    void membersSeeTheirOwnActivityButNotOthersOrTheReportAndKeysNeedTheScope() {
        Party own = fixtures.register("COOPERATIVE", "Cao Bằng");
        Party other = fixtures.register("COOPERATIVE", "Cao Bằng");
        activity(own.as(), own).path("organization.activity.status").entity(String.class).isEqualTo("NEW");
        activity(own.as(), other).path("organization.activity").valueIsNull();
        own.as().document(REPORT).variable("p", "Cao Bằng").execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        anonymous.document(REPORT).variable("p", "Cao Bằng").execute().errors()
                .expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("code"))).verify();

        HttpGraphQlTester insightKey = TestData.bearer(anonymous, apiKey("insight:read"));
        // organization(id:) itself needs catalog:read; the report's rows show organizations with insight:read alone.
        HttpGraphQlTester bothKey = TestData.bearer(anonymous, apiKey("catalog:read", "insight:read"));
        insightKey.document(REPORT).variable("p", "Cao Bằng").execute()
                .path("cooperativeActivityReport.province.code").entity(String.class).isEqualTo("04");
        activity(bothKey, other).path("organization.activity.status").entity(String.class).isEqualTo("NEW");
        HttpGraphQlTester catalogKey = TestData.bearer(anonymous, apiKey("catalog:read"));
        catalogKey.document(REPORT).variable("p", "Cao Bằng").execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        activity(catalogKey, other).path("organization.activity").valueIsNull();
    }

    private String apiKey(String... scopes) {
        return admin.document("mutation($s: [String!]!) { createApiKey(input: {name: \"Liên minh HTX\", scopes: $s}) { secret } }")
                .variable("s", List.of(scopes)).execute().path("createApiKey.secret").entity(String.class).get();
    }

    record Counts(int total, int active, int dormant, int paperOnly, int newCount) {
        static Counts of(Map<String, Object> m) {
            return new Counts((int) m.get("total"), (int) m.get("active"), (int) m.get("dormant"), (int) m.get("paperOnly"),
                    (int) m.get("new"));
        }

        Counts minus(Counts o) {
            return new Counts(total - o.total, active - o.active, dormant - o.dormant, paperOnly - o.paperOnly, newCount - o.newCount);
        }
    }

    private HttpGraphQlTester.Response report(String province) {
        return admin.document(REPORT).variable("p", province).execute();
    }

    @SuppressWarnings("unchecked")
    private static Counts counts(HttpGraphQlTester.Response r, String path) {
        return Counts.of(r.path(path).entity(Map.class).get());
    }

    @Test
    void theReportCountsByStatusNowAndAtEachOfTheLastTwelveMonthEnds() {
        String province = "Lai Châu";
        HttpGraphQlTester.Response before = report(province);
        Party active = fixtures.registeredMonthsAgo(province, 24);
        fixtures.productListed(active, ago(5, 2));
        Party dormant = fixtures.registeredMonthsAgo(province, 24);
        fixtures.signedIn(dormant, ago(8, 2));
        fixtures.registeredMonthsAgo(province, 24);
        fixtures.register("COOPERATIVE", province);
        // Dissolved now: out of today's counts, but active at the end of last month.
        Party dissolved = fixtures.registeredMonthsAgo(province, 24);
        fixtures.signedIn(dissolved, ago(2, 2));
        admin.document("""
                mutation($i: RecordCooperativeDecisionInput!) { recordCooperativeDecision(input: $i) { errors { message } } }""")
                .variable("i", Map.of("organizationId", dissolved.id(), "kind", "DISSOLVED", "note", "Quyết định giải thể số 12/QĐ"))
                .execute().path("recordCooperativeDecision.errors").entityList(Object.class).hasSize(0);
        // A retail chain is no cooperative: never counted.
        fixtures.register("RETAIL_CHAIN", province);

        HttpGraphQlTester.Response after = report(province);
        assertThat(counts(after, "cooperativeActivityReport.counts").minus(counts(before, "cooperativeActivityReport.counts")))
                .isEqualTo(new Counts(4, 1, 1, 1, 1));
        after.path("cooperativeActivityReport.trend").entityList(Object.class).hasSize(12);
        after.path("cooperativeActivityReport.trend[11].month").entity(String.class).isEqualTo(
                java.time.YearMonth.now(ActivityFixtures.VIETNAM).minusMonths(1).toString());
        // End of last month: the product (5 months ago) and the sign-in 2 months ago were recent, the one 8 months ago not.
        assertThat(counts(after, "cooperativeActivityReport.trend[11].counts")
                .minus(counts(before, "cooperativeActivityReport.trend[11].counts"))).isEqualTo(new Counts(4, 2, 1, 1, 0));
        // Twelve months back none of them had done anything yet, and all were registered long before.
        assertThat(counts(after, "cooperativeActivityReport.trend[0].counts")
                .minus(counts(before, "cooperativeActivityReport.trend[0].counts"))).isEqualTo(new Counts(4, 0, 0, 4, 0));

        // The list: filtered by status, ordered by name, each with its signals.
        admin.document("""
                query($p: String!) { cooperativeActivityReport(province: $p) { cooperatives(status: DORMANT, first: 100) {
                  totalCount edges { node { organization { id name } activity { status signals { kind lastAt } } } } } } }""")
                .variable("p", province).execute()
                .path("cooperativeActivityReport.cooperatives.edges[*].node.organization.id").entityList(String.class)
                .contains(dormant.id()).doesNotContain(active.id(), dissolved.id())
                .path("cooperativeActivityReport.cooperatives.edges[*].node.activity.status").entityList(String.class)
                .satisfies(s -> assertThat(s).containsOnly("DORMANT"));
    }

    @Test
    void theCsvHasABomAHeaderAndOneRowPerCooperativeWithItsSignals() throws Exception {
        String province = "Điện Biên";
        Party stale = fixtures.registeredMonthsAgo(province, 24);
        Timestamp fourteenMonths = ago(14, 2);
        fixtures.productListed(stale, fourteenMonths);
        fixtures.register("COOPERATIVE", province);
        HttpGraphQlTester.Response r = in(admin, "vi").document(REPORT).variable("p", province).execute();
        int total = counts(r, "cooperativeActivityReport.counts").total();
        String url = r.path("cooperativeActivityReport.csvUrl").entity(String.class).get();
        assertThat(url).startsWith("/api/insights/cooperative-activity.csv?province=11&token=");

        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60)).build();
        byte[] body = http.get().uri(url).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody().returnResult().getResponseBody();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(new String(body, StandardCharsets.UTF_8).substring(1)))
                .getRecords();
        assertThat(rows.getFirst().values()).containsExactly("organization_id", "name", "tax_code", "kind", "province_code",
                "registered_on", "status", "last_activity_on", "last_activity_kind", "last_signed_in", "last_product_updated",
                "last_inquiry_answered", "last_quote_sent", "last_supply_event", "last_event_attended", "last_course_attended", "explanation");
        assertThat(rows).hasSize(total + 1);
        CSVRecord row = rows.stream().filter(x -> x.get(0).equals(stale.id())).findFirst().orElseThrow();
        assertThat(row.get(1)).isEqualTo(stale.name());
        assertThat(row.get(6)).isEqualTo("PAPER_ONLY");
        assertThat(row.get(8)).isEqualTo("PRODUCT_UPDATED");
        assertThat(row.get(10)).isEqualTo(row.get(7)).isNotEmpty();
        assertThat(row.get(9)).isEmpty();
        assertThat(row.get(16)).startsWith("Không có hoạt động nào trong 14 tháng").contains("Chưa có thành viên nào đăng nhập");

        // With a partner key instead of the signed link, filtered; without either it is refused.
        String key = apiKey("insight:read");
        String newOnly = http.get().uri("/api/insights/cooperative-activity.csv?province=dien-bien&status=NEW")
                .header("Authorization", "Bearer " + key).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(newOnly).doesNotContain(stale.id()).contains("NEW");
        http.get().uri("/api/insights/cooperative-activity.csv?province=11").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        http.get().uri("/api/insights/cooperative-activity.csv?province=11")
                .header("Authorization", "Bearer " + apiKey("catalog:read")).exchange().expectStatus().isForbidden();
        http.get().uri(url.replace("province=11", "province=04")).exchange().expectStatus().isForbidden();
        http.get().uri(url.substring(0, url.length() - 3) + "abc").exchange().expectStatus().isForbidden();
    }

    @Test
    void theReportCostsTheSameStatementsForFiveAndFiftyCooperativesPerPage() {
        String province = "Hà Tĩnh";
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 55; i++) {
            String name = TestData.unique("HTX trang ");
            rows.add(new Object[] {name, vn.htxconnect.platform.VietnameseText.fold(name), ago(20, i)});
        }
        jdbc.batchUpdate("""
                INSERT INTO organization (kind, name, name_folded, province_code, created_at, updated_at)
                VALUES ('COOPERATIVE', ?, ?, '42', ?, CURRENT_TIMESTAMP(6))""", rows);
        TestData.awaitOutboxDrained(jdbc);
        String page = """
                query($p: String!, $n: Int) { cooperativeActivityReport(province: $p) { %s trend { month %s }
                  cooperatives(first: $n) { totalCount edges { node {
                    organization { name provinceCode activity { status } decisions { kind } }
                    activity { status summary explanation signals { kind lastAt explanation } } } } } } }"""
                .formatted(COUNTS, COUNTS);
        int small = statements(page, province, 5);
        String smallSql = String.join("\n", sql.statements());
        int large = statements(page, province, 50);
        assertThat(large).as(smallSql + "\n----\n" + String.join("\n", sql.statements())).isEqualTo(small);
        // Caller (2), the rows' Organization.activity and decisions, the trend's fixed part; then per chunk of 1,000
        // cooperatives (the report walks them in ID order; the shared test database gathers some with every run):
        // the chunk itself, seven activity sources for now and the trend together, and the dissolution dates when
        // the chunk holds archived cooperatives. A walk whose last chunk was full reads one more, empty chunk.
        List<Boolean> archived = jdbc.queryForList("""
                SELECT status <> 'ACTIVE' FROM organization WHERE province_code = '42' AND kind LIKE 'COOPERATIVE%'
                ORDER BY id""", Boolean.class);
        int chunks = (archived.size() + 999) / 1000;
        int chunkReads = archived.size() / 1000 + 1;
        long chunksWithArchived = java.util.stream.IntStream.range(0, chunks)
                .filter(c -> archived.subList(c * 1000, Math.min(archived.size(), c * 1000 + 1000)).contains(true)).count();
        assertThat(large).as(String.join("\n", sql.statements()))
                .isLessThanOrEqualTo(10 + chunkReads + 7 * chunks + (int) chunksWithArchived);
    }

    private int statements(String document, String province, int first) {
        sql.reset();
        admin.document(document).variable("p", province).variable("n", first).execute()
                .path("cooperativeActivityReport.cooperatives.edges").entityList(Object.class).hasSize(first);
        return sql.count();
    }

    @Test
    void aCooperativeThatKeepsItsListingsCurrentCountsAsActiveInTheMonthsItChangedThem() {
        String province = "Tuyên Quang";
        HttpGraphQlTester.Response before = report(province);
        Party keeper = fixtures.registeredMonthsAgo(province, 30);
        String product = fixtures.productListed(keeper, ago(20, 0));
        fixtures.productChanged(keeper, ago(4, 2));
        // Changed again today through the API: the product row itself now remembers only today and 20 months ago.
        keeper.as().document("mutation($id: ID!) { updateProduct(input: {id: $id, name: \"Gạo ST25 mùa mới\"}) { errors { code } } }")
                .variable("id", product).execute().path("updateProduct.errors").entityList(Object.class).hasSize(0);
        Timestamp updated = jdbc.queryForObject("SELECT updated_at FROM product WHERE id = ?", Timestamp.class,
                vn.htxconnect.platform.GlobalId.decode("id", product).id());
        assertThat(jdbc.queryForList("SELECT last_at FROM product_activity_month WHERE organization_id = ? ORDER BY month",
                Timestamp.class, keeper.dbId())).hasSize(3).last().isEqualTo(updated);

        HttpGraphQlTester.Response after = report(province);
        assertThat(counts(after, "cooperativeActivityReport.counts").minus(counts(before, "cooperativeActivityReport.counts")))
                .isEqualTo(new Counts(1, 1, 0, 0, 0));
        // End of last month: the change four months ago counts, though the product has been changed since.
        assertThat(counts(after, "cooperativeActivityReport.trend[11].counts")
                .minus(counts(before, "cooperativeActivityReport.trend[11].counts"))).isEqualTo(new Counts(1, 1, 0, 0, 0));
        // Twelve months back the latest change was eight months old: dormant.
        assertThat(counts(after, "cooperativeActivityReport.trend[0].counts")
                .minus(counts(before, "cooperativeActivityReport.trend[0].counts"))).isEqualTo(new Counts(1, 0, 1, 0, 0));
    }

    @Test
    void everySourceAnswersForAllOrganizationsAtOnceAsItDoesForChunksOfThem() {
        Party signedIn = fixtures.registeredMonthsAgo("Sơn La", 24);
        fixtures.signedIn(signedIn, ago(3, 1));
        Party listed = fixtures.registeredMonthsAgo("Sơn La", 24);
        fixtures.productListed(listed, ago(2, 1));
        Party answered = fixtures.registeredMonthsAgo("Sơn La", 24);
        Party buyer = fixtures.register("RETAIL_CHAIN", "Hà Nội");
        String conversation = TestData.startInquiry(anonymous, buyer.id(), answered.id());
        answered.as().document("""
                mutation($i: SendMessageInput!) { sendMessage(input: $i) { errors { message } } }""")
                .variable("i", Map.of("conversationId", conversation, "body", "Dạ, bên em còn hàng"))
                .execute().path("sendMessage.errors").entityList(Object.class).hasSize(0);

        java.time.Instant now = java.time.Instant.now();
        List<Long> everyOrganization = jdbc.queryForList("SELECT id FROM organization", Long.class);
        assertThat(sources).hasSize(vn.htxconnect.organization.ActivityKind.values().length);
        for (vn.htxconnect.organization.ActivitySource source : sources) {
            Map<Long, java.time.Instant> atOnce = source.latestOfEveryOrganization(now);
            assertThat(atOnce).as(source.kind().name()).isEqualTo(source.lastActivity(everyOrganization, now));
            switch (source.kind()) {
                case SIGNED_IN -> assertThat(atOnce).containsKey(signedIn.dbId()).doesNotContainKey(listed.dbId());
                case PRODUCT_UPDATED -> assertThat(atOnce).containsKey(listed.dbId()).doesNotContainKey(signedIn.dbId());
                case INQUIRY_ANSWERED -> assertThat(atOnce).containsKey(answered.dbId()).doesNotContainKey(buyer.dbId());
                default -> { }
            }
        }
    }

    @Test
    void theOverviewOfEveryProvinceCountsEachOneAsItsReportDoes() {
        String province = "Sơn La";
        String overviewQuery = "{ cooperativeActivityOverview { province { code } counts { total } } }";
        sql.reset();
        admin.document(overviewQuery).execute().path("cooperativeActivityOverview").entityList(Object.class).hasSizeGreaterThan(0);
        int statementsBefore = sql.count();
        fixtures.productListed(fixtures.registeredMonthsAgo(province, 24), ago(5, 2));
        fixtures.signedIn(fixtures.registeredMonthsAgo(province, 24), ago(8, 2));
        fixtures.registeredMonthsAgo(province, 24);
        fixtures.register("COOPERATIVE", province);

        List<Map<String, Object>> overview = admin.document("""
                { cooperativeActivityOverview { province { code name } %s } }""".formatted(COUNTS)).execute()
                .path("cooperativeActivityOverview").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        assertThat(overview).extracting(p -> (Object) ((Map<?, ?>) p.get("province")).get("name")).contains((Object) province);
        // However many cooperatives: the caller, the cooperatives, one or two statements per activity source.
        sql.reset();
        admin.document(overviewQuery).execute().path("cooperativeActivityOverview").entityList(Object.class).hasSizeGreaterThan(0);
        assertThat(sql.count()).as(String.join("\n", sql.statements())).isEqualTo(statementsBefore).isLessThanOrEqualTo(12);
        for (Map<String, Object> p : overview) {
            String code = (String) ((Map<?, ?>) p.get("province")).get("code");
            Counts expected = counts(admin.document("query($p: String!) { cooperativeActivityReport(province: $p) { %s } }"
                    .formatted(COUNTS)).variable("p", code).execute(), "cooperativeActivityReport.counts");
            @SuppressWarnings("unchecked")
            Counts overviewed = Counts.of((Map<String, Object>) p.get("counts"));
            assertThat(overviewed).as(code).isEqualTo(expected);
        }
    }
}
