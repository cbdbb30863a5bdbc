package vn.htxconnect.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.organization.TrustSignalSource;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** Supply linkages end to end: lifecycle with history, bad input, who sees what, flags, statistics, no N+1. */
@IntegrationTest
class LinkageFlowTests {

    static final String PROPOSE = """
            mutation($i: ProposeSupplyLinkageInput!) { proposeSupplyLinkage(input: $i) {
              linkage { id status supplierStage customerStage supplierConfirmedAt customerConfirmedAt version
                        category { code } supplierProvince { code } }
              errors { field code message } } }""";
    static final String ACT = """
            mutation($i: SupplyLinkageActionInput!) { %s(input: $i) {
              linkage { id status activatedAt version history { action fromStatus toStatus actorName reason actingOrganization { id } } }
              errors { field code message } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlStatementCounter sql;
    @Autowired
    List<TrustSignalSource> signalSources;

    record Party(String organizationId, HttpGraphQlTester as) {
    }

    Party coop;
    Party chain;
    String product;

    @BeforeEach
    void parties() {
        coop = register("COOPERATIVE", "HTX Cà phê ", "Đắk Nông");
        chain = register("RETAIL_CHAIN", "Chuỗi Xanh ", "Hồ Chí Minh");
        product = TestData.createProduct(anonymous, coop.organizationId(), "Cà phê robusta nhân " + TestData.unique("x"), "COFFEE", Map.of());
    }

    Party register(String kind, String prefix, String province) {
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", kind, "name", TestData.unique(prefix), "province", province),
                        "owner", Map.of("email", TestData.unique("l") + "@lk.vn", "name", "Chủ " + prefix, "password", "mat-khau-du-dai")))
                .execute();
        return new Party(r.path("registerOrganization.organization.id").entity(String.class).get(),
                TestData.bearer(anonymous, r.path("registerOrganization.token").entity(String.class).get()));
    }

    Map<String, Object> valid() {
        Map<String, Object> in = new HashMap<>();
        in.put("supplierOrganizationId", coop.organizationId());
        in.put("customerOrganizationId", chain.organizationId());
        in.put("productId", product);
        in.put("volumePerPeriod", 5);
        in.put("unit", "tấn");
        in.put("period", "MONTHLY");
        in.put("pricePerUnitVnd", 95_000_000);
        in.put("priceTerms", "Theo giá sàn Buôn Ma Thuột trừ 2%");
        return in;
    }

    String propose(HttpGraphQlTester as, Map<String, Object> in) {
        return as.document(PROPOSE).variable("i", in).execute()
                .path("proposeSupplyLinkage.errors").entityList(Object.class).hasSize(0)
                .path("proposeSupplyLinkage.linkage.id").entity(String.class).get();
    }

    HttpGraphQlTester.Response act(HttpGraphQlTester as, String mutation, Map<String, Object> in) {
        return as.document(ACT.formatted(mutation)).variable("i", in).execute();
    }

    @Test
    void proposedByTheSupplierConfirmedByTheCustomerThenSuspendedResumedAndEndedWithHistory() {
        HttpGraphQlTester.Response proposed = coop.as().document(PROPOSE).variable("i", valid()).execute();
        proposed.path("proposeSupplyLinkage.errors").entityList(Object.class).hasSize(0)
                .path("proposeSupplyLinkage.linkage.status").entity(String.class).isEqualTo("PROPOSED")
                // Defaults from the kinds; the legacy province Đắk Nông resolved to Lâm Đồng; the product's category.
                .path("proposeSupplyLinkage.linkage.supplierStage").entity(String.class).isEqualTo("PRODUCTION")
                .path("proposeSupplyLinkage.linkage.customerStage").entity(String.class).isEqualTo("RETAIL")
                .path("proposeSupplyLinkage.linkage.category.code").entity(String.class).isEqualTo("COFFEE")
                .path("proposeSupplyLinkage.linkage.supplierConfirmedAt").hasValue()
                .path("proposeSupplyLinkage.linkage.customerConfirmedAt").valueIsNull();
        String id = proposed.path("proposeSupplyLinkage.linkage.id").entity(String.class).get();

        // The supplier cannot confirm twice; the customer's confirmation activates it.
        act(coop.as(), "confirmSupplyLinkage", Map.of("id", id)).path("confirmSupplyLinkage.errors[0].code")
                .entity(String.class).isEqualTo("CONFLICT");
        act(chain.as(), "confirmSupplyLinkage", Map.of("id", id))
                .path("confirmSupplyLinkage.linkage.status").entity(String.class).isEqualTo("ACTIVE")
                .path("confirmSupplyLinkage.linkage.activatedAt").hasValue();
        act(chain.as(), "suspendSupplyLinkage", Map.of("id", id, "reason", "Chờ kết quả kiểm nghiệm"))
                .path("suspendSupplyLinkage.linkage.status").entity(String.class).isEqualTo("SUSPENDED");
        act(coop.as(), "resumeSupplyLinkage", Map.of("id", id))
                .path("resumeSupplyLinkage.linkage.status").entity(String.class).isEqualTo("ACTIVE");
        HttpGraphQlTester.Response ended = act(coop.as(), "endSupplyLinkage", Map.of("id", id, "reason", "Hết vụ"));
        ended.path("endSupplyLinkage.linkage.status").entity(String.class).isEqualTo("ENDED")
                .path("endSupplyLinkage.linkage.history[*].action").entityList(String.class)
                .containsExactly("PROPOSE", "CONFIRM", "SUSPEND", "RESUME", "END")
                .path("endSupplyLinkage.linkage.history[*].toStatus").entityList(String.class)
                .containsExactly("PROPOSED", "ACTIVE", "SUSPENDED", "ACTIVE", "ENDED")
                .path("endSupplyLinkage.linkage.history[2].reason").entity(String.class).isEqualTo("Chờ kết quả kiểm nghiệm")
                .path("endSupplyLinkage.linkage.history[2].actingOrganization.id").entity(String.class).isEqualTo(chain.organizationId())
                .path("endSupplyLinkage.linkage.history[4].actorName").entity(String.class).satisfies(n -> assertThat(n).startsWith("Chủ HTX Cà phê"));
        int version = ended.path("endSupplyLinkage.linkage.version").entity(Integer.class).get();

        // Final: nothing more happens, nothing is written.
        act(chain.as(), "resumeSupplyLinkage", Map.of("id", id)).path("resumeSupplyLinkage.errors[0].code")
                .entity(String.class).isEqualTo("CONFLICT");
        long dbId = GlobalId.decode("id", id, "SupplyLinkage");
        assertThat(jdbc.queryForObject("SELECT version FROM supply_linkage WHERE id = ?", Long.class, dbId)).isEqualTo(version);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supply_linkage_history WHERE linkage_id = ?", Integer.class, dbId)).isEqualTo(5);
    }

    @Test
    void anAcceptedQuoteOpensAProposedLinkageOnItsTermsWhichTheSupplierConfirms() {
        Map<String, Object> request = new HashMap<>();
        request.put("buyerOrganizationId", chain.organizationId());
        request.put("title", "Cà phê robusta rang xay");
        request.put("category", "COFFEE");
        request.put("quantity", 2);
        request.put("unit", "tấn");
        request.put("frequency", "MONTHLY");
        request.put("deliveryProvince", "Hồ Chí Minh");
        request.put("windowFrom", java.time.LocalDate.now().plusDays(5).toString());
        request.put("windowTo", java.time.LocalDate.now().plusDays(200).toString());
        String requestId = chain.as().document("""
                        mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) { sourcingRequest { id } errors { message } } }""")
                .variable("i", request).execute().path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
        String quoteId = coop.as().document("""
                        mutation($i: SendQuoteInput!) { sendQuote(input: $i) { quote { id } errors { field message } } }""")
                .variable("i", Map.of("requestId", requestId, "supplierOrganizationId", coop.organizationId(), "productId", product,
                        "pricePerUnitVnd", 98_000, "quantity", 2, "unit", "tấn",
                        "validUntil", java.time.OffsetDateTime.now().plusDays(7).toString()))
                .execute().path("sendQuote.quote.id").entity(String.class).get();
        chain.as().document("mutation($i: AcceptQuoteInput!) { acceptQuote(input: $i) { errors { message } } }")
                .variable("i", Map.of("quoteId", quoteId)).execute().path("acceptQuote.errors").entityList(Object.class).hasSize(0);

        HttpGraphQlTester.Response listed = coop.as().document("""
                        query($o: ID!) { supplyLinkages(filter: {organizationId: $o}) { totalCount edges { node {
                          id status origin originRef volumePerPeriod unit period pricePerUnitVnd startDate
                          customerConfirmedAt supplierConfirmedAt product { id } customer { id } } } } }""")
                .variable("o", coop.organizationId()).execute();
        listed.path("supplyLinkages.totalCount").entity(Integer.class).isEqualTo(1)
                .path("supplyLinkages.edges[0].node.status").entity(String.class).isEqualTo("PROPOSED")
                .path("supplyLinkages.edges[0].node.origin").entity(String.class).isEqualTo("QUOTE")
                .path("supplyLinkages.edges[0].node.originRef").entity(String.class).isEqualTo(quoteId)
                .path("supplyLinkages.edges[0].node.volumePerPeriod").entity(Double.class).isEqualTo(2.0)
                .path("supplyLinkages.edges[0].node.unit").entity(String.class).isEqualTo("TAN")
                .path("supplyLinkages.edges[0].node.period").entity(String.class).isEqualTo("MONTHLY")
                .path("supplyLinkages.edges[0].node.pricePerUnitVnd").entity(Long.class).isEqualTo(98_000L)
                .path("supplyLinkages.edges[0].node.product.id").entity(String.class).isEqualTo(product)
                .path("supplyLinkages.edges[0].node.customer.id").entity(String.class).isEqualTo(chain.organizationId())
                .path("supplyLinkages.edges[0].node.customerConfirmedAt").hasValue()
                .path("supplyLinkages.edges[0].node.supplierConfirmedAt").valueIsNull();
        String linkage = listed.path("supplyLinkages.edges[0].node.id").entity(String.class).get();
        act(coop.as(), "confirmSupplyLinkage", Map.of("id", linkage))
                .path("confirmSupplyLinkage.linkage.status").entity(String.class).isEqualTo("ACTIVE");

        // Each step told the other side, in its language.
        // (Match discovery may have told them about the request and the product too.)
        assertThat(kinds(chain)).contains("LINKAGE_ACTIVE", "QUOTE_RECEIVED").doesNotContain("QUOTE_ACCEPTED");
        assertThat(kinds(coop)).contains("LINKAGE_ACTIVE", "QUOTE_ACCEPTED").doesNotContain("QUOTE_RECEIVED");
        coop.as().mutate().header("Accept-Language", "en").build()
                .document("query($o: ID!) { notifications(organizationId: $o, first: 5) { edges { node { kind message } } } }")
                .variable("o", coop.organizationId()).execute()
                .path("notifications.edges[?(@.node.kind == 'QUOTE_ACCEPTED')].node.message").entityList(String.class)
                .satisfies(m -> assertThat(m).singleElement().asString().contains("accepted your quote on «Cà phê robusta rang xay»"));
    }

    private List<String> kinds(Party p) {
        return p.as().document("query($o: ID!) { notifications(organizationId: $o, first: 10) { edges { node { kind } } } }")
                .variable("o", p.organizationId()).execute().path("notifications.edges[*].node.kind").entityList(String.class).get();
    }

    @Test
    void severalLinkagesMayNameTheSameTradeFairAsTheirOrigin() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String fair = TestData.asAdmin(anonymous).document("""
                        mutation($i: CreateTradeEventInput!) { createTradeEvent(input: $i) { tradeEvent { id } errors { code } } }""")
                .variable("i", Map.of("kind", "TRADE_FAIR", "name", TestData.unique("Hội chợ Buôn Ma Thuột "), "province", "Đắk Lắk",
                        "startsOn", today.toString(), "endsOn", today.plusDays(2).toString()))
                .execute().path("createTradeEvent.tradeEvent.id").entity(String.class).get();
        Map<String, Object> in = new HashMap<>(valid());
        in.put("origin", "TRADE_FAIR");
        in.put("originRef", fair);
        propose(coop.as(), in);
        in.put("volumePerPeriod", 1);
        propose(coop.as(), in);
        assertThat(count(coop.organizationId())).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
        Party otherCoop = register("COOPERATIVE", "HTX Khác ", "Gia Lai");
        String othersProduct = TestData.createProduct(anonymous, otherCoop.organizationId(), "Hồ tiêu " + TestData.unique("p"), "SPICES_PEPPER", Map.of());
        assertRefused(Map.of("volumePerPeriod", 0), "volumePerPeriod", "OUT_OF_RANGE");
        assertRefused(Map.of("volumePerPeriod", -3), "volumePerPeriod", "OUT_OF_RANGE");
        assertRefused(Map.of("unit", "thúng mủng"), "unit", "INVALID");
        assertRefused(Map.of("startDate", "2027-03-01", "endDate", "2027-02-01"), "endDate", "INVALID");
        assertRefused(Map.of("customerOrganizationId", coop.organizationId()), "customerOrganizationId", "INVALID");
        assertRefused(Map.of("productId", othersProduct), "productId", "INVALID");
        assertRefused(Map.of("supplierStage", "RETAIL", "customerStage", "PRODUCTION"), "customerStage", "INVALID");
        assertRefused(Map.of("pricePerUnitVnd", -1), "pricePerUnitVnd", "OUT_OF_RANGE");
        assertRefused(Map.of("origin", "QUOTE"), "origin", "INVALID");
        assertRefused(Map.of("origin", "TRADE_FAIR"), "originRef", "REQUIRED");
        assertRefused(Map.of("origin", "TRADE_FAIR", "originRef", "VHJhZGVFdmVudDo5OTk5OTk5"), "originRef", "NOT_FOUND");
        Map<String, Object> noSubject = new HashMap<>();
        noSubject.put("productId", null);
        assertRefused(noSubject, "category", "REQUIRED");
        // On behalf of two organizations the caller does not belong to.
        Map<String, Object> forOthers = new HashMap<>(valid());
        forOthers.put("supplierOrganizationId", otherCoop.organizationId());
        forOthers.remove("productId");
        forOthers.put("category", "Hồ tiêu");
        Party stranger = register("RETAIL_CHAIN", "Chuỗi lạ ", "Hà Nội");
        HttpGraphQlTester.Response r = stranger.as().document(PROPOSE).variable("i", forOthers).execute();
        assertThat(r.returnResponse().getErrors()).extracting(e -> e.getExtensions().get("code")).containsExactly("FORBIDDEN");
        assertThat(count(coop.organizationId()) + count(otherCoop.organizationId())).isZero();
    }

    private void assertRefused(Map<String, Object> changes, String field, String code) {
        Map<String, Object> in = new HashMap<>(valid());
        in.putAll(changes);
        HttpGraphQlTester.Response r = coop.as().document(PROPOSE).variable("i", in).execute();
        List<Map<String, Object>> errors = r.path("proposeSupplyLinkage.errors")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        assertThat(errors).as(changes.toString()).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(List.of("input", field));
            assertThat(e.get("code")).isEqualTo(code);
        });
        r.path("proposeSupplyLinkage.linkage").valueIsNull();
        assertThat(count(coop.organizationId())).as("nothing written for " + changes).isZero();
    }

    private int count(String org) {
        long id = GlobalId.decode("id", org, "Organization");
        return jdbc.queryForObject("SELECT COUNT(*) FROM supply_linkage WHERE supplier_org_id = ? OR customer_org_id = ?",
                Integer.class, id, id);
    }

    @Test
    void partiesSeeVolumesOthersSeeSettledLinkagesWithoutThemAndKeysSeeAggregatesOnly() {
        String active = propose(coop.as(), valid());
        act(chain.as(), "confirmSupplyLinkage", Map.of("id", active)).path("confirmSupplyLinkage.errors").entityList(Object.class).hasSize(0);
        String proposal = propose(coop.as(), valid());
        Party outsider = register("RETAIL_CHAIN", "Chuỗi ngoài ", "Hà Nội");
        String read = "query($id: ID!) { supplyLinkage(id: $id) { status volumePerPeriod pricePerUnitVnd priceTerms deliveredQuantity history { action } } }";

        chain.as().document(read).variable("id", active).execute()
                .path("supplyLinkage.volumePerPeriod").entity(Double.class).isEqualTo(5.0)
                .path("supplyLinkage.pricePerUnitVnd").entity(Long.class).isEqualTo(95_000_000L)
                .path("supplyLinkage.history").entityList(Object.class).hasSize(2);
        outsider.as().document(read).variable("id", active).execute()
                .path("supplyLinkage.status").entity(String.class).isEqualTo("ACTIVE")
                .path("supplyLinkage.volumePerPeriod").valueIsNull()
                .path("supplyLinkage.pricePerUnitVnd").valueIsNull()
                .path("supplyLinkage.priceTerms").valueIsNull()
                .path("supplyLinkage.deliveredQuantity").valueIsNull()
                .path("supplyLinkage.history").entityList(Object.class).hasSize(0);
        assertThat(outsider.as().document(read).variable("id", proposal).execute().returnResponse().getErrors())
                .extracting(e -> e.getExtensions().get("code")).containsExactly("NOT_FOUND");
        outsider.as().document("query($o: ID!) { supplyLinkages(filter: {organizationId: $o}) { totalCount } }")
                .variable("o", coop.organizationId()).execute().path("supplyLinkages.totalCount").entity(Integer.class).isEqualTo(1);
        coop.as().document("query($o: ID!) { supplyLinkages(filter: {organizationId: $o}) { totalCount } }")
                .variable("o", coop.organizationId()).execute().path("supplyLinkages.totalCount").entity(Integer.class).isEqualTo(2);

        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String withScope = admin.document("mutation { createApiKey(input: {name: \"Liên minh HTX\", scopes: [\"linkage:read\"]}) { secret } }")
                .execute().path("createApiKey.secret").entity(String.class).get();
        HttpGraphQlTester partner = TestData.bearer(anonymous, withScope);
        assertThat(partner.document("{ supplyLinkages { totalCount } }").execute().returnResponse().getErrors())
                .extracting(e -> e.getExtensions().get("code")).containsExactly("FORBIDDEN");
        partner.document("{ linkageStatistics(filter: {province: \"Đắk Nông\"}) { active cooperatives } }").execute()
                .path("linkageStatistics.active").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
    }

    /** The number behind cooperativeFigures' share: share × cooperatives. */
    private static long linkedCooperatives(Map<?, ?> figures) {
        Object share = figures.get("shareWithActiveLinkage");
        return share == null ? 0 : Math.round(((Number) share).doubleValue() * ((Number) figures.get("cooperatives")).doubleValue());
    }

    @Test
    void statisticsCountByProvinceCategoryStageAndTheShareOfLinkedCooperatives() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String query = """
                { linkageStatistics(filter: {province: "Lâm Đồng", category: "COFFEE"}) {
                    total active proposed cooperatives cooperativesWithActiveLinkage shareOfCooperativesWithActiveLinkage
                    byProvince { province { code } active total } byStage { supplierStage customerStage active total } } }""";
        Map<String, Object> before = admin.document(query).execute().path("linkageStatistics").entity(Map.class).get();
        // The Alliance's report figures count the same share (over all categories).
        String figures = "{ cooperativeFigures(province: \"Lâm Đồng\") { cooperatives shareWithActiveLinkage } }";
        long linkedBefore = linkedCooperatives(admin.document(figures).execute().path("cooperativeFigures").entity(Map.class).get());
        Party idleCoop = register("COOPERATIVE", "HTX chưa liên kết ", "Lâm Đồng");
        String active = propose(coop.as(), valid());
        act(chain.as(), "confirmSupplyLinkage", Map.of("id", active)).path("confirmSupplyLinkage.errors").entityList(Object.class).hasSize(0);
        propose(coop.as(), valid());
        assertThat(idleCoop.organizationId()).isNotNull();

        Map<String, Object> after = admin.document(query).execute().path("linkageStatistics").entity(Map.class).get();
        assertThat(delta(after, before, "total")).isEqualTo(2);
        assertThat(delta(after, before, "active")).isEqualTo(1);
        assertThat(delta(after, before, "proposed")).isEqualTo(1);
        // One more cooperative in Lâm Đồng (the idle one); the linked one (registered in Đắk Nông, now Lâm Đồng) was counted before.
        assertThat(delta(after, before, "cooperatives")).isEqualTo(1);
        assertThat(delta(after, before, "cooperativesWithActiveLinkage")).isEqualTo(1);
        assertThat(linkedCooperatives(admin.document(figures).execute().path("cooperativeFigures").entity(Map.class).get()))
                .isEqualTo(linkedBefore + 1);
        admin.document(query).execute()
                .path("linkageStatistics.byProvince[*].province.code").entityList(String.class).containsExactly("68")
                .path("linkageStatistics.byStage[?(@.supplierStage == 'PRODUCTION' && @.customerStage == 'RETAIL')].active")
                .entityList(Integer.class).satisfies(l -> assertThat(l.getFirst()).isPositive());
    }

    private static long delta(Map<String, Object> after, Map<String, Object> before, String key) {
        return ((Number) after.get(key)).longValue() - ((Number) before.get(key)).longValue();
    }

    @Test
    void aQuietOrUnderDeliveringActiveLinkageIsFlaggedAndCountsAsTrust() {
        String id = propose(coop.as(), valid());
        act(chain.as(), "confirmSupplyLinkage", Map.of("id", id)).path("confirmSupplyLinkage.errors").entityList(Object.class).hasSize(0);
        String flags = "query($id: ID!) { supplyLinkage(id: $id) { flags dueQuantity deliveredQuantity } }";
        coop.as().document(flags).variable("id", id).execute().path("supplyLinkage.flags").entityList(String.class).hasSize(0);
        long dbId = GlobalId.decode("id", id, "SupplyLinkage");
        // Active for 100 days without any supply event: three monthly volumes of 5 tấn due, none delivered.
        jdbc.update("UPDATE supply_linkage SET activated_at = activated_at - INTERVAL 100 DAY, start_date = start_date - INTERVAL 100 DAY WHERE id = ?", dbId);
        coop.as().document(flags).variable("id", id).execute()
                .path("supplyLinkage.flags").entityList(String.class).contains("NO_RECENT_EVENTS", "UNDER_DELIVERING").hasSize(2)
                .path("supplyLinkage.dueQuantity").entity(Double.class).isEqualTo(15.0);
        // Outsiders do not see a partner's delivery troubles.
        register("RETAIL_CHAIN", "Chuỗi tò mò ", "Huế").as().document(flags).variable("id", id).execute()
                .path("supplyLinkage.flags").entityList(String.class).hasSize(0);

        long coopId = GlobalId.decode("id", coop.organizationId(), "Organization");
        assertThat(signalSources.stream().map(s -> s.signalsFor(List.of(coopId)).get(coopId))
                .filter(t -> t != null && t.activeLinkages() != null)).singleElement()
                .satisfies(t -> assertThat(t.activeLinkages()).isEqualTo(1));
    }

    @Test
    void listStatementsDoNotGrowWithPageSize() {
        for (int i = 0; i < 6; i++) {
            propose(coop.as(), valid());
        }
        int small = statements(2);
        String smallSql = sql.statements().toString();
        int large = statements(6);
        assertThat(large).as(smallSql + "\n----\n" + sql.statements()).isEqualTo(small);
    }

    private int statements(int first) {
        sql.reset();
        coop.as().document("""
                query($o: ID!, $n: Int) { supplyLinkages(filter: {organizationId: $o}, first: $n) { totalCount edges { node {
                  status supplier { name } customer { name } product { name } category { nameVi } supplierProvince { name }
                  flags dueQuantity history { action actingOrganization { name } } } } } }""")
                .variable("o", coop.organizationId()).variable("n", first).execute()
                .path("supplyLinkages.edges").entityList(Object.class).hasSize(first);
        return sql.count();
    }
}
