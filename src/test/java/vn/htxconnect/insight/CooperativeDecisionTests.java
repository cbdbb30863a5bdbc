package vn.htxconnect.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.insight.ActivityFixtures.Party;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** The Alliance's decisions: history, dissolution, merger with products and linkages, and refusals that change nothing. */
@IntegrationTest
class CooperativeDecisionTests {

    static final String RECORD = """
            mutation($i: RecordCooperativeDecisionInput!) { recordCooperativeDecision(input: $i) {
              decision { id kind note decidedBy decidedAt organization { id } mergedInto { id } }
              organization { id status } productsMoved linkagesMoved linkagesEnded
              errors { field code message } clientMutationId } }""";
    static final String DECISIONS = """
            query($id: ID!) { organization(id: $id) { status decisions { id kind note mergedInto { id } } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;

    HttpGraphQlTester admin;
    ActivityFixtures fixtures;

    @BeforeEach
    void setUp() {
        admin = TestData.asAdmin(anonymous);
        fixtures = new ActivityFixtures(anonymous, jdbc);
    }

    private HttpGraphQlTester.Response decide(Map<String, Object> input) {
        return admin.document(RECORD).variable("i", input).execute();
    }

    private int decisionsOf(Party p) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM cooperative_decision WHERE organization_id = ?", Integer.class, p.dbId());
    }

    @Test
    void supportPlansAreKeptAsHistoryNewestFirstAndNeedANote() {
        Party coop = fixtures.register("COOPERATIVE", "Nghệ An");
        decide(Map.of("organizationId", coop.id(), "kind", "SUPPORT_PLAN", "note", "Tập huấn bán hàng trực tuyến quý 1",
                "clientMutationId", "k1"))
                .path("recordCooperativeDecision.errors").entityList(Object.class).hasSize(0)
                .path("recordCooperativeDecision.clientMutationId").entity(String.class).isEqualTo("k1")
                .path("recordCooperativeDecision.decision.kind").entity(String.class).isEqualTo("SUPPORT_PLAN")
                .path("recordCooperativeDecision.decision.decidedBy").hasValue()
                .path("recordCooperativeDecision.decision.organization.id").entity(String.class).isEqualTo(coop.id())
                .path("recordCooperativeDecision.organization.status").entity(String.class).isEqualTo("ACTIVE");
        String second = decide(Map.of("organizationId", coop.id(), "kind", "SUPPORT_PLAN", "note", "Hỗ trợ chứng nhận VietGAP"))
                .path("recordCooperativeDecision.decision.id").entity(String.class).get();

        admin.document(DECISIONS).variable("id", coop.id()).execute()
                .path("organization.decisions[*].note").entityList(String.class)
                .containsExactly("Hỗ trợ chứng nhận VietGAP", "Tập huấn bán hàng trực tuyến quý 1")
                .path("organization.decisions[0].id").entity(String.class).isEqualTo(second);
        admin.document("query($id: ID!) { node(id: $id) { ... on CooperativeDecision { note } } }").variable("id", second).execute()
                .path("node.note").entity(String.class).isEqualTo("Hỗ trợ chứng nhận VietGAP");

        // A plan without its note, or naming a merger target, is refused and writes nothing.
        decide(Map.of("organizationId", coop.id(), "kind", "SUPPORT_PLAN"))
                .path("recordCooperativeDecision.errors[0].field").entityList(String.class).containsExactly("input", "note")
                .path("recordCooperativeDecision.errors[0].code").entity(String.class).isEqualTo("REQUIRED")
                .path("recordCooperativeDecision.decision").valueIsNull();
        decide(Map.of("organizationId", coop.id(), "kind", "SUPPORT_PLAN", "note", "x", "mergedIntoOrganizationId", coop.id()))
                .path("recordCooperativeDecision.errors[0].code").entity(String.class).isEqualTo("INVALID");
        assertThat(decisionsOf(coop)).isEqualTo(2);

        // Only the Alliance reads decisions; the cooperative's own owner may not.
        coop.as().document(DECISIONS).variable("id", coop.id()).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        coop.as().document("query($id: ID!) { node(id: $id) { id } }").variable("id", second).execute().errors()
                .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void aDissolvedCooperativeIsArchivedAndTakesNoFurtherDecisions() {
        Party coop = fixtures.register("COOPERATIVE", "Nghệ An");
        HttpGraphQlTester.Response vi = admin.mutate().header("Accept-Language", "vi").build().document(RECORD)
                .variable("i", Map.of("organizationId", coop.id(), "kind", "DISSOLVED", "note", "Quyết định 45/QĐ-UBND"))
                .execute();
        vi.path("recordCooperativeDecision.organization.status").entity(String.class).isEqualTo("ARCHIVED");
        admin.mutate().header("Accept-Language", "vi").build().document(RECORD)
                .variable("i", Map.of("organizationId", coop.id(), "kind", "SUPPORT_PLAN", "note", "Muộn rồi")).execute()
                .path("recordCooperativeDecision.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
                .path("recordCooperativeDecision.errors[0].message").entity(String.class)
                .isEqualTo("Hợp tác xã đã ngừng hoạt động trên hệ thống");
        assertThat(decisionsOf(coop)).isEqualTo(1);
        // Not a cooperative: no decision.
        Party chain = fixtures.register("RETAIL_CHAIN", "Nghệ An");
        decide(Map.of("organizationId", chain.id(), "kind", "DISSOLVED"))
                .path("recordCooperativeDecision.errors[0].code").entity(String.class).isEqualTo("INVALID");
        assertThat(decisionsOf(chain)).isZero();
    }

    private String linkage(String supplier, String customer, boolean activate) {
        String id = admin.document("""
                mutation($i: ProposeSupplyLinkageInput!) { proposeSupplyLinkage(input: $i) { linkage { id } errors { message } } }""")
                .variable("i", Map.of("supplierOrganizationId", supplier, "customerOrganizationId", customer, "category", "RICE",
                        "volumePerPeriod", 3, "unit", "tấn", "period", "MONTHLY"))
                .execute().path("proposeSupplyLinkage.errors").entityList(Object.class).hasSize(0)
                .path("proposeSupplyLinkage.linkage.id").entity(String.class).get();
        if (activate) {
            for (String side : List.of(supplier, customer)) {
                admin.document("mutation($i: SupplyLinkageActionInput!) { confirmSupplyLinkage(input: $i) { errors { message } } }")
                        .variable("i", Map.of("id", id, "actingOrganizationId", side)).execute()
                        .path("confirmSupplyLinkage.errors").entityList(Object.class).hasSize(0);
            }
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> last(HttpGraphQlTester.Response r) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) (List<?>) r.path("supplyLinkage.history").entityList(Map.class).get();
        return entries.getLast();
    }

    private static long db(String id) {
        return GlobalId.decode("id", id).id();
    }

    @Test
    void aMergerMovesProductsAndLinkagesToTheTargetAndArchivesTheMergedCooperative() {
        Party merged = fixtures.register("COOPERATIVE", "Quảng Ninh");
        Party target = fixtures.register("COOPERATIVE", "Thanh Hóa");
        Party chain = fixtures.register("RETAIL_CHAIN", "Hà Nội");
        String ref = TestData.unique("REF");
        String name = TestData.unique("Gạo nếp cái hoa vàng ");
        String product = TestData.createProduct(anonymous, merged.id(), name, "RICE", Map.of("externalRef", ref));
        TestData.createProduct(anonymous, merged.id(), TestData.unique("Gạo lứt "), "RICE", Map.of());
        // The target already uses the same spreadsheet reference: the moved product gives it up.
        TestData.createProduct(anonymous, target.id(), TestData.unique("Gạo tám "), "RICE", Map.of("externalRef", ref));
        String toChain = linkage(merged.id(), chain.id(), true);
        String between = linkage(merged.id(), target.id(), true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TestData.searchNames(anonymous, name, Map.of("organizationId", merged.id()))).first().isEqualTo(name));

        // The merged cooperative's products were last changed five months ago (its history says so).
        java.time.LocalDate fiveMonthsAgo = java.time.LocalDate.now(ActivityFixtures.VIETNAM).minusMonths(5).withDayOfMonth(1);
        java.sql.Timestamp lastChange = java.sql.Timestamp.from(fiveMonthsAgo.plusDays(10).atStartOfDay(ActivityFixtures.VIETNAM).toInstant());
        jdbc.update("UPDATE product_activity_month SET month = ?, last_at = ? WHERE organization_id = ?",
                java.sql.Date.valueOf(fiveMonthsAgo), lastChange, merged.dbId());
        List<Map<String, Object>> targetBefore = jdbc.queryForList(
                "SELECT month, last_at FROM product_activity_month WHERE organization_id = ?", target.dbId());

        decide(Map.of("organizationId", merged.id(), "kind", "MERGED", "mergedIntoOrganizationId", target.id(),
                "note", "Nghị quyết đại hội thành viên"))
                .path("recordCooperativeDecision.errors").entityList(Object.class).hasSize(0)
                .path("recordCooperativeDecision.productsMoved").entity(Integer.class).isEqualTo(2)
                .path("recordCooperativeDecision.linkagesMoved").entity(Integer.class).isEqualTo(1)
                .path("recordCooperativeDecision.linkagesEnded").entity(Integer.class).isEqualTo(1)
                .path("recordCooperativeDecision.decision.mergedInto.id").entity(String.class).isEqualTo(target.id())
                .path("recordCooperativeDecision.organization.status").entity(String.class).isEqualTo("ARCHIVED");

        admin.document("query($id: ID!) { product(id: $id) { externalRef organization { id } } }").variable("id", product).execute()
                .path("product.organization.id").entity(String.class).isEqualTo(target.id())
                .path("product.externalRef").valueIsNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE organization_id = ?", Integer.class, merged.dbId())).isZero();
        // The products' activity history came with them; the merger itself (the Alliance's act) is no activity of the target.
        List<Map<String, Object>> targetAfter = new java.util.ArrayList<>(targetBefore);
        targetAfter.add(Map.of("month", java.sql.Date.valueOf(fiveMonthsAgo), "last_at", lastChange.toLocalDateTime()));
        assertThat(jdbc.queryForList("SELECT month, last_at FROM product_activity_month WHERE organization_id = ?", target.dbId()))
                .containsExactlyInAnyOrderElementsOf(targetAfter);
        // Search shows the product under its new owner once the outbox has re-indexed it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TestData.searchNames(anonymous, name, Map.of("organizationId", target.id()))).first().isEqualTo(name));
        assertThat(TestData.searchNames(anonymous, name, Map.of("organizationId", merged.id()))).isEmpty();

        String history = "query($id: ID!) { supplyLinkage(id: $id) { status supplier { id } supplierProvince { code } "
                + "history { action fromStatus toStatus reason actingOrganization { id } } } }";
        HttpGraphQlTester.Response moved = admin.document(history).variable("id", toChain).execute();
        moved.path("supplyLinkage.status").entity(String.class).isEqualTo("ACTIVE")
                .path("supplyLinkage.supplier.id").entity(String.class).isEqualTo(target.id())
                .path("supplyLinkage.supplierProvince.code").entity(String.class).isEqualTo("38");
        Map<String, Object> transfer = last(moved);
        assertThat(transfer).containsEntry("action", "TRANSFER").containsEntry("fromStatus", "ACTIVE").containsEntry("toStatus", "ACTIVE")
                .containsEntry("actingOrganization", Map.of("id", target.id()));
        assertThat((String) transfer.get("reason")).isEqualTo("Moved from " + merged.name() + " to " + target.name() + " (merger)");
        HttpGraphQlTester.Response ended = admin.document(history).variable("id", between).execute();
        ended.path("supplyLinkage.status").entity(String.class).isEqualTo("ENDED")
                .path("supplyLinkage.supplier.id").entity(String.class).isEqualTo(merged.id());
        assertThat(last(ended)).containsEntry("action", "END").containsEntry("toStatus", "ENDED");
        admin.document(DECISIONS).variable("id", merged.id()).execute()
                .path("organization.status").entity(String.class).isEqualTo("ARCHIVED")
                .path("organization.decisions[0].kind").entity(String.class).isEqualTo("MERGED")
                .path("organization.decisions[0].mergedInto.id").entity(String.class).isEqualTo(target.id());
    }

    @Test
    void refusedMergersChangeNothing() {
        Party merged = fixtures.register("COOPERATIVE", "Quảng Ninh");
        String product = TestData.createProduct(anonymous, merged.id(), TestData.unique("Chè "), "TEA", Map.of());
        Party archived = fixtures.register("COOPERATIVE", "Quảng Ninh");
        decide(Map.of("organizationId", archived.id(), "kind", "DISSOLVED")).path("recordCooperativeDecision.errors")
                .entityList(Object.class).hasSize(0);
        Party chain = fixtures.register("RETAIL_CHAIN", "Quảng Ninh");
        String toChain = linkage(merged.id(), chain.id(), false);
        long version = jdbc.queryForObject("SELECT version FROM organization WHERE id = ?", Long.class, merged.dbId());

        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(archived.id(), "CONFLICT");
        refusals.put(merged.id(), "INVALID");
        refusals.put(chain.id(), "INVALID");
        refusals.put(GlobalId.encode("Organization", 999_999_999L), "NOT_FOUND");
        refusals.put("not-an-id", "NOT_FOUND");
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            decide(Map.of("organizationId", merged.id(), "kind", "MERGED", "mergedIntoOrganizationId", r.getKey()))
                    .path("recordCooperativeDecision.errors[0].field").entityList(String.class)
                    .containsExactly("input", "mergedIntoOrganizationId")
                    .path("recordCooperativeDecision.errors[0].code").entity(String.class).isEqualTo(r.getValue())
                    .path("recordCooperativeDecision.decision").valueIsNull();
        }
        decide(Map.of("organizationId", merged.id(), "kind", "MERGED"))
                .path("recordCooperativeDecision.errors[0].code").entity(String.class).isEqualTo("REQUIRED");

        assertThat(decisionsOf(merged)).isZero();
        assertThat(jdbc.queryForObject("SELECT version FROM organization WHERE id = ?", Long.class, merged.dbId())).isEqualTo(version);
        assertThat(jdbc.queryForObject("SELECT status FROM organization WHERE id = ?", String.class, merged.dbId())).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT organization_id FROM product WHERE id = ?", Long.class, db(product))).isEqualTo(merged.dbId());
        assertThat(jdbc.queryForObject("SELECT supplier_org_id FROM supply_linkage WHERE id = ?", Long.class, db(toChain)))
                .isEqualTo(merged.dbId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supply_linkage_history WHERE linkage_id = ?", Integer.class, db(toChain)))
                .isEqualTo(1);
    }
}
