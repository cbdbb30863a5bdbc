package vn.htxconnect.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Trade events end to end: the Alliance announces a fair, cooperatives exhibit, a retail chain visits, a
 * lead becomes an inquiry and a linkage, and the outcomes count them within 90 days; bad input writes
 * nothing; attendance is an activity signal.
 */
@IntegrationTest
class TradeEventTests {

    static final String CREATE = """
            mutation($i: CreateTradeEventInput!) { createTradeEvent(input: $i) {
              tradeEvent { id name status startsOn endsOn lat lon province { code name } version }
              errors { field code message } } }""";
    static final String REGISTER = """
            mutation($i: RegisterForTradeEventInput!) { registerForTradeEvent(input: $i) {
              participant { role booth attended organization { id } products { id } }
              errors { field code message } } }""";
    static final String CHECK_IN = """
            mutation($i: CheckInTradeEventParticipantInput!) { checkInTradeEventParticipant(input: $i) {
              participant { attended checkedInAt } errors { field code message } } }""";
    static final String LEAD = """
            mutation($i: RecordTradeEventLeadInput!) { recordTradeEventLead(input: $i) {
              lead { id buyer { id } supplier { id } product { id } note } errors { field code message } } }""";
    static final String CONVERT = """
            mutation($i: ConvertLeadToInquiryInput!) { convertLeadToInquiry(input: $i) {
              lead { id conversation { id subject subjectId product { id } messageCount } }
              errors { field code message } } }""";
    static final String OUTCOMES = """
            query($id: ID!) { tradeEvent(id: $id) { outcomes { participants exhibitors visitors attended leads leadsConverted
              inquiries linkages activatedLinkages windowEndsOn } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProvinceService provinces;
    @Autowired
    List<ActivitySource> activitySources;

    record Party(String organizationId, HttpGraphQlTester as) {
    }

    HttpGraphQlTester alliance;
    Party coop;
    Party coop2;
    Party chain;
    String coffee;
    String pepper;

    @BeforeEach
    void parties() {
        alliance = alliance(anonymous);
        coop = register(anonymous, "COOPERATIVE", "HTX Cà phê ", "Đắk Lắk");
        coop2 = register(anonymous, "COOPERATIVE", "HTX Hồ tiêu ", "Gia Lai");
        chain = register(anonymous, "RETAIL_CHAIN", "Chuỗi Xanh ", "Hà Nội");
        coffee = TestData.createProduct(anonymous, coop.organizationId(), "Cà phê Robusta " + TestData.unique("x"), "COFFEE", Map.of());
        pepper = TestData.createProduct(anonymous, coop2.organizationId(), "Hồ tiêu đen " + TestData.unique("x"), "SPICES_PEPPER", Map.of());
    }

    static Party register(HttpGraphQlTester anonymous, String kind, String prefix, String province) {
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", kind, "name", TestData.unique(prefix), "province", province),
                        "owner", Map.of("email", TestData.unique("t") + "@htx.vn", "name", "Chủ " + prefix, "password", "mat-khau-du-dai")))
                .execute();
        return new Party(r.path("registerOrganization.organization.id").entity(String.class).get(),
                TestData.bearer(anonymous, r.path("registerOrganization.token").entity(String.class).get()));
    }

    /** A signed-in analyst of the Cooperative Alliance (a user with the ALLIANCE_ANALYST role, member of no buyer). */
    static HttpGraphQlTester alliance(HttpGraphQlTester anonymous) {
        Party p = register(anonymous, "PARTNER", "Liên minh HTX ", "Hà Nội");
        String userId = p.as().document("{ me { id } }").execute().path("me.id").entity(String.class).get();
        TestData.asAdmin(anonymous).document("mutation($u: ID!) { grantPlatformRole(input: {userId: $u, role: ALLIANCE_ANALYST}) { errors { code } } }")
                .variable("u", userId).execute().path("grantPlatformRole.errors").entityList(Object.class).hasSize(0);
        return p.as();
    }

    static Map<String, Object> fair(String name, String province, LocalDate starts, LocalDate ends) {
        Map<String, Object> in = new HashMap<>();
        in.put("kind", "TRADE_FAIR");
        in.put("name", name);
        in.put("province", province);
        in.put("startsOn", starts.toString());
        in.put("endsOn", ends.toString());
        in.put("address", "Quảng trường 10/3, Buôn Ma Thuột");
        return in;
    }

    static LocalDate today() {
        return LocalDate.now(VietnamTime.ZONE);
    }

    String createFair(Map<String, Object> in) {
        return alliance.document(CREATE).variable("i", in).execute()
                .path("createTradeEvent.errors").entityList(Object.class).hasSize(0)
                .path("createTradeEvent.tradeEvent.id").entity(String.class).get();
    }

    static Map<String, Object> registration(String event, String org, String role, String booth, List<String> products) {
        Map<String, Object> in = new HashMap<>();
        in.put("eventId", event);
        in.put("organizationId", org);
        in.put("role", role);
        if (booth != null) {
            in.put("booth", booth);
        }
        if (products != null) {
            in.put("productIds", products);
        }
        return in;
    }

    void registered(Party p, Map<String, Object> in) {
        p.as().document(REGISTER).variable("i", in).execute().path("registerForTradeEvent.errors").entityList(Object.class).hasSize(0);
    }

    private static long db(String globalId) {
        return GlobalId.decode("id", globalId).id();
    }

    @Test
    void fairFromRegistrationToLeadsInquiriesLinkagesAndOutcomes() {
        String name = TestData.unique("Hội chợ nông sản Đắk Lắk ");
        HttpGraphQlTester.Response created = alliance.document(CREATE)
                .variable("i", fair(name, "Đắk Lắk", today(), today().plusDays(2))).execute();
        Province dakLak = provinces.resolve("Đắk Lắk").orElseThrow();
        created.path("createTradeEvent.errors").entityList(Object.class).hasSize(0)
                .path("createTradeEvent.tradeEvent.status").entity(String.class).isEqualTo("ONGOING")
                .path("createTradeEvent.tradeEvent.province.code").entity(String.class).isEqualTo(dakLak.code())
                // No point given: the province's centre.
                .path("createTradeEvent.tradeEvent.lat").entity(Double.class).isEqualTo(dakLak.centroid().lat())
                .path("createTradeEvent.tradeEvent.lon").entity(Double.class).isEqualTo(dakLak.centroid().lon());
        String event = created.path("createTradeEvent.tradeEvent.id").entity(String.class).get();

        // A legacy province name resolves to the unit it was merged into.
        alliance.document(CREATE).variable("i", fair(TestData.unique("Phiên B2B Gia Nghĩa "), "Đắk Nông", today().plusDays(10),
                        today().plusDays(10))).execute()
                .path("createTradeEvent.tradeEvent.province.name").entity(String.class).isEqualTo("Lâm Đồng")
                .path("createTradeEvent.tradeEvent.status").entity(String.class).isEqualTo("UPCOMING");

        coop.as().document(REGISTER).variable("i", registration(event, coop.organizationId(), "EXHIBITOR", "A12", List.of(coffee)))
                .execute().path("registerForTradeEvent.errors").entityList(Object.class).hasSize(0)
                .path("registerForTradeEvent.participant.booth").entity(String.class).isEqualTo("A12")
                .path("registerForTradeEvent.participant.products[*].id").entityList(String.class).containsExactly(coffee)
                .path("registerForTradeEvent.participant.attended").entity(Boolean.class).isEqualTo(false);
        registered(coop2, registration(event, coop2.organizationId(), "EXHIBITOR", "B03", List.of(pepper)));
        registered(chain, registration(event, chain.organizationId(), "VISITOR", null, null));

        for (Party p : List.of(coop, chain)) {
            alliance.document(CHECK_IN).variable("i", Map.of("eventId", event, "organizationId", p.organizationId())).execute()
                    .path("checkInTradeEventParticipant.errors").entityList(Object.class).hasSize(0)
                    .path("checkInTradeEventParticipant.participant.attended").entity(Boolean.class).isEqualTo(true)
                    .path("checkInTradeEventParticipant.participant.checkedInAt").hasValue();
        }

        // The chain's buyer notes its interest in the cooperative's coffee, then turns it into an inquiry.
        String lead = chain.as().document(LEAD).variable("i", Map.of("eventId", event, "buyerOrganizationId", chain.organizationId(),
                        "supplierOrganizationId", coop.organizationId(), "productId", coffee, "note", "Cần 5 tấn/tháng, giao Hà Nội"))
                .execute().path("recordTradeEventLead.errors").entityList(Object.class).hasSize(0)
                .path("recordTradeEventLead.lead.product.id").entity(String.class).isEqualTo(coffee)
                .path("recordTradeEventLead.lead.id").entity(String.class).get();
        HttpGraphQlTester.Response converted = chain.as().document(CONVERT)
                .variable("i", Map.of("leadId", lead, "message", "Chào HTX, xin báo giá cà phê nhân xô giao Hà Nội")).execute();
        converted.path("convertLeadToInquiry.errors").entityList(Object.class).hasSize(0)
                .path("convertLeadToInquiry.lead.conversation.subject").entity(String.class).isEqualTo(name)
                .path("convertLeadToInquiry.lead.conversation.subjectId").entity(String.class).isEqualTo(coffee)
                .path("convertLeadToInquiry.lead.conversation.product.id").entity(String.class).isEqualTo(coffee)
                .path("convertLeadToInquiry.lead.conversation.messageCount").entity(Integer.class).isEqualTo(1);
        String conversation = converted.path("convertLeadToInquiry.lead.conversation.id").entity(String.class).get();
        assertThat(jdbc.queryForObject("SELECT subject_id FROM conversation WHERE id = ?", String.class, db(conversation)))
                .isEqualTo(coffee);
        // The supplier reads it in its inbox; a second conversion is refused.
        coop.as().document("query($id: ID!) { conversation(id: $id) { buyer { id } viewerRole } }").variable("id", conversation)
                .execute().path("conversation.buyer.id").entity(String.class).isEqualTo(chain.organizationId())
                .path("conversation.viewerRole").entity(String.class).isEqualTo("SUPPLIER");
        chain.as().document(CONVERT).variable("i", Map.of("leadId", lead, "message", "Lần nữa")).execute()
                .path("convertLeadToInquiry.errors[0].code").entity(String.class).isEqualTo("CONFLICT");

        // The linkage agreed afterwards names the fair as its origin; the lead shows it.
        Map<String, Object> linkage = new HashMap<>(Map.of("supplierOrganizationId", coop.organizationId(),
                "customerOrganizationId", chain.organizationId(), "productId", coffee, "volumePerPeriod", 5, "unit", "tấn",
                "period", "MONTHLY", "origin", "TRADE_FAIR", "originRef", event));
        String linkageId = chain.as().document("""
                        mutation($i: ProposeSupplyLinkageInput!) { proposeSupplyLinkage(input: $i) { linkage { id origin originRef }
                          errors { field code message } } }""").variable("i", linkage).execute()
                .path("proposeSupplyLinkage.errors").entityList(Object.class).hasSize(0)
                .path("proposeSupplyLinkage.linkage.originRef").entity(String.class).isEqualTo(event)
                .path("proposeSupplyLinkage.linkage.id").entity(String.class).get();
        chain.as().document("query($id: ID!) { node(id: $id) { ... on TradeEventLead { linkage { id } conversation { id } } } }")
                .variable("id", lead).execute()
                .path("node.linkage.id").entity(String.class).isEqualTo(linkageId)
                .path("node.conversation.id").entity(String.class).isEqualTo(conversation);

        HttpGraphQlTester.Response outcomes = chain.as().document(OUTCOMES).variable("id", event).execute();
        outcomes.path("tradeEvent.outcomes.participants").entity(Integer.class).isEqualTo(3)
                .path("tradeEvent.outcomes.exhibitors").entity(Integer.class).isEqualTo(2)
                .path("tradeEvent.outcomes.visitors").entity(Integer.class).isEqualTo(1)
                .path("tradeEvent.outcomes.attended").entity(Integer.class).isEqualTo(2)
                .path("tradeEvent.outcomes.leads").entity(Integer.class).isEqualTo(1)
                .path("tradeEvent.outcomes.leadsConverted").entity(Integer.class).isEqualTo(1)
                .path("tradeEvent.outcomes.inquiries").entity(Integer.class).isEqualTo(1)
                .path("tradeEvent.outcomes.linkages").entity(Integer.class).isEqualTo(1)
                .path("tradeEvent.outcomes.activatedLinkages").entity(Integer.class).isEqualTo(0)
                .path("tradeEvent.outcomes.windowEndsOn").entity(String.class).isEqualTo(today().plusDays(90).toString());

        // Inquiries between participants count from the first day for 90 days: not 100 days on, not the day before.
        Instant start = today().atStartOfDay(VietnamTime.ZONE).toInstant();
        inquiryAt(chain, coop2, start.plus(Duration.ofDays(100)));
        inquiryAt(chain, coop2, start.minus(Duration.ofHours(1)));
        chain.as().document(OUTCOMES).variable("id", event).execute()
                .path("tradeEvent.outcomes.inquiries").entity(Integer.class).isEqualTo(1);
        inquiryAt(chain, coop2, start.plus(Duration.ofDays(89)));
        // ...nor one that an outsider started with a participant.
        Party outsider = register(anonymous, "RETAIL_CHAIN", "Chuỗi khác ", "Huế");
        inquiryAt(outsider, coop2, start.plus(Duration.ofDays(3)));
        // A linkage between two participants proposed in the window counts even without the fair as origin.
        TestData.asAdmin(anonymous).document("""
                        mutation($i: ProposeSupplyLinkageInput!) { proposeSupplyLinkage(input: $i) { errors { field code message } } }""")
                .variable("i", Map.of("supplierOrganizationId", coop2.organizationId(), "customerOrganizationId", chain.organizationId(),
                        "category", "SPICES_PEPPER", "volumePerPeriod", 1, "unit", "tấn", "period", "MONTHLY"))
                .execute().path("proposeSupplyLinkage.errors").entityList(Object.class).hasSize(0);
        chain.as().document(OUTCOMES).variable("id", event).execute()
                .path("tradeEvent.outcomes.inquiries").entity(Integer.class).isEqualTo(2)
                .path("tradeEvent.outcomes.linkages").entity(Integer.class).isEqualTo(2);

        // Lists: by province (an old name of it works too) and by participant; partners with insight:read read them.
        String listed = """
                query($f: TradeEventFilter) { tradeEvents(filter: $f, first: 100) { totalCount edges { node { id name
                  participants(role: EXHIBITOR) { totalCount edges { node { organization { id } booth } } } } } } }""";
        for (String province : List.of("Đắk Lắk", "Phú Yên")) {
            coop2.as().document(listed).variable("f", Map.of("province", province, "organizationId", coop.organizationId(), "status", "ONGOING"))
                    .execute().path("tradeEvents.edges[*].node.id").entityList(String.class).containsExactly(event)
                    .path("tradeEvents.edges[0].node.participants.totalCount").entity(Integer.class).isEqualTo(2);
        }
        String key = TestData.asAdmin(anonymous).document("mutation { createApiKey(input: {name: \"Liên minh\", scopes: [\"insight:read\"]}) { secret } }")
                .execute().path("createApiKey.secret").entity(String.class).get();
        HttpGraphQlTester partner = TestData.bearer(anonymous, key);
        partner.document("query($id: ID!) { tradeEvent(id: $id) { name leads { totalCount } outcomes { leads } } }").variable("id", event)
                .execute().path("tradeEvent.name").entity(String.class).isEqualTo(name)
                .path("tradeEvent.leads.totalCount").entity(Integer.class).isEqualTo(0)
                .path("tradeEvent.outcomes.leads").entity(Integer.class).isEqualTo(1);

        // Leads are seen by their two sides and the Alliance only.
        String leads = "query($id: ID!) { tradeEvent(id: $id) { leads { totalCount edges { node { id note } } } } }";
        for (HttpGraphQlTester sees : List.of(chain.as(), coop.as(), alliance)) {
            sees.document(leads).variable("id", event).execute().path("tradeEvent.leads.edges[*].node.id").entityList(String.class)
                    .containsExactly(lead);
        }
        coop2.as().document(leads).variable("id", event).execute().path("tradeEvent.leads.totalCount").entity(Integer.class).isEqualTo(0);
        coop2.as().document("query($id: ID!) { node(id: $id) { id } }").variable("id", lead).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsExactly("NOT_FOUND"));
    }

    @Test
    void theReportFiguresCountTheCooperativesThatTookPartByQuarter() {
        String figures = """
                query($p: String) { cooperativeFigures(province: $p) { cooperatives shareInEvents
                  eventsPerQuarter { quarter events cooperatives leads } } }""";
        Map<String, Object> dakLakBefore = lastQuarter(figures, "Đắk Lắk");
        Map<String, Object> everywhereBefore = lastQuarter(figures, null);
        // A one-day fair today: it counts today, as attendance does. The cooperative exhibits, the chain is
        // checked in and notes a lead with the cooperative (a chain is no cooperative).
        String event = createFair(fair(TestData.unique("Phiên kết nối B2B "), "Đắk Lắk", today(), today()));
        registered(coop, registration(event, coop.organizationId(), "EXHIBITOR", "C1", List.of(coffee)));
        registered(chain, registration(event, chain.organizationId(), "VISITOR", null, null));
        alliance.document(CHECK_IN).variable("i", Map.of("eventId", event, "organizationId", chain.organizationId())).execute()
                .path("checkInTradeEventParticipant.errors").entityList(Object.class).hasSize(0);
        chain.as().document(LEAD).variable("i", Map.of("eventId", event, "buyerOrganizationId", chain.organizationId(),
                "supplierOrganizationId", coop.organizationId(), "note", "Cà phê nhân, 2 tấn/tháng")).execute()
                .path("recordTradeEventLead.errors").entityList(Object.class).hasSize(0);
        // A cancelled fair never counts, for the cooperative or the other one (Gia Lai) that exhibited only there.
        String cancelled = createFair(fair(TestData.unique("Hội chợ hoãn "), "Đắk Lắk", today(), today()));
        registered(coop, registration(cancelled, coop.organizationId(), "EXHIBITOR", "D2", null));
        registered(coop2, registration(cancelled, coop2.organizationId(), "EXHIBITOR", "D3", null));
        jdbc.update("UPDATE trade_event SET status = 'CANCELLED' WHERE id = ?", db(cancelled));

        Map<String, Object> dakLak = lastQuarter(figures, "Đắk Lắk");
        assertThat(dakLak.get("quarter")).isEqualTo(today().getYear() + "-Q" + ((today().getMonthValue() - 1) / 3 + 1));
        assertThat(minus(dakLak, dakLakBefore)).containsExactly(1, 1, 1);
        assertThat(minus(lastQuarter(figures, null), everywhereBefore)).containsExactly(1, 1, 1);
        Map<String, Object> all = alliance.document(figures).variable("p", "Đắk Lắk").execute()
                .path("cooperativeFigures").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat((List<?>) all.get("eventsPerQuarter")).hasSize(8);
        assertThat((Double) all.get("shareInEvents")).isPositive().isLessThanOrEqualTo(1.0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lastQuarter(String figures, String province) {
        Map<String, Object> f = alliance.document(figures).variable("p", province).execute().path("cooperativeFigures")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        return ((List<Map<String, Object>>) f.get("eventsPerQuarter")).getLast();
    }

    private static List<Integer> minus(Map<String, Object> after, Map<String, Object> before) {
        return java.util.stream.Stream.of("events", "cooperatives", "leads")
                .map(k -> ((Number) after.get(k)).intValue() - ((Number) before.get(k)).intValue()).toList();
    }

    /** A buyer-opened conversation between two organizations, written directly with the given start. */
    private void inquiryAt(Party buyer, Party supplier, Instant at) {
        jdbc.update("""
                INSERT INTO conversation (buyer_org_id, supplier_org_id, title, created_at, last_message_at, opened_by)
                VALUES (?, ?, 'Hỏi giá', ?, ?, 'BUYER')""", db(buyer.organizationId()), db(supplier.organizationId()),
                Timestamp.from(at), Timestamp.from(at));
    }

    private static void assertErrors(HttpGraphQlTester.Response r, String payload, Map<String, String> fieldCodes) {
        List<Map<String, Object>> errors = r.path(payload + ".errors").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        Map<String, String> actual = new HashMap<>();
        for (Map<String, Object> e : errors) {
            @SuppressWarnings("unchecked")
            List<String> field = (List<String>) e.get("field");
            actual.put(String.join(".", field), (String) e.get("code"));
        }
        assertThat(actual).isEqualTo(fieldCodes);
        r.path(payload + "." + (payload.equals("createTradeEvent") ? "tradeEvent" : payload.equals("recordTradeEventLead") ? "lead" : "participant"))
                .valueIsNull();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void badInputIsRefusedWithNamedFieldsAndNothingIsWritten() {
        String name = TestData.unique("Hội chợ lỗi ");
        Map<String, Object> bad = fair(name, "Atlantis", today().plusDays(5), today().plusDays(4));
        assertErrors(alliance.document(CREATE).variable("i", bad).execute(), "createTradeEvent",
                Map.of("input.province", "INVALID", "input.endsOn", "INVALID"));
        Map<String, Object> tooLong = fair(name, "Huế", today(), today().plusDays(40));
        assertErrors(alliance.document(CREATE).variable("i", tooLong).execute(), "createTradeEvent", Map.of("input.endsOn", "OUT_OF_RANGE"));
        assertErrors(alliance.document(CREATE).variable("i", fair(name, "Huế", today().minusDays(3), today().minusDays(1))).execute(),
                "createTradeEvent", Map.of("input.endsOn", "INVALID"));
        assertThat(count("SELECT COUNT(*) FROM trade_event WHERE name = ?", name)).isZero();

        // Only the Alliance (and admins) announce events.
        coop.as().document(CREATE).variable("i", fair(name, "Huế", today(), today())).execute().errors()
                .satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsExactly("FORBIDDEN"));
        assertThat(count("SELECT COUNT(*) FROM trade_event WHERE name = ?", name)).isZero();

        String event = createFair(fair(name, "Huế", today(), today().plusDays(1)));
        long eventId = db(event);

        // Registering an organization one is not a member of.
        List<ResponseError> forbidden = coop.as().document(REGISTER)
                .variable("i", registration(event, coop2.organizationId(), "EXHIBITOR", "C1", null)).execute().returnResponse().getErrors();
        assertThat(forbidden).extracting(e -> e.getExtensions().get("code")).containsExactly("FORBIDDEN");
        assertThat(forbidden).extracting(e -> e.getExtensions().get("field")).containsExactly("input.organizationId");
        // Showing another organization's product; a retail chain exhibiting; a visitor showing products.
        assertErrors(coop.as().document(REGISTER).variable("i", registration(event, coop.organizationId(), "EXHIBITOR", "C1",
                List.of(coffee, pepper))).execute(), "registerForTradeEvent", Map.of("input.productIds.1", "INVALID"));
        assertErrors(chain.as().document(REGISTER).variable("i", registration(event, chain.organizationId(), "EXHIBITOR", null, null))
                .execute(), "registerForTradeEvent", Map.of("input.role", "INVALID"));
        assertErrors(chain.as().document(REGISTER).variable("i", registration(event, chain.organizationId(), "VISITOR", null, List.of(coffee)))
                .execute(), "registerForTradeEvent", Map.of("input.productIds", "INVALID"));
        assertThat(count("SELECT COUNT(*) FROM trade_event_participant WHERE event_id = ?", eventId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM trade_event_product WHERE event_id = ?", eventId)).isZero();

        // Registering twice.
        registered(coop, registration(event, coop.organizationId(), "EXHIBITOR", "C1", List.of(coffee)));
        assertErrors(coop.as().document(REGISTER).variable("i", registration(event, coop.organizationId(), "EXHIBITOR", "C2", null))
                .execute(), "registerForTradeEvent", Map.of("input.organizationId", "DUPLICATE"));
        assertThat(count("SELECT COUNT(*) FROM trade_event_participant WHERE event_id = ?", eventId)).isEqualTo(1);

        // A lead with a side that is not a participant, and a product that is not the supplier's.
        Map<String, Object> lead = new HashMap<>(Map.of("eventId", event, "buyerOrganizationId", chain.organizationId(),
                "supplierOrganizationId", coop.organizationId(), "productId", pepper));
        assertErrors(chain.as().document(LEAD).variable("i", lead).execute(), "recordTradeEventLead",
                Map.of("input.buyerOrganizationId", "INVALID", "input.productId", "INVALID"));
        // Only the buyer's members and the Alliance record leads for a buyer.
        coop2.as().document(LEAD).variable("i", lead).execute().errors()
                .satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsExactly("FORBIDDEN"));
        assertThat(count("SELECT COUNT(*) FROM trade_event_lead WHERE event_id = ?", eventId)).isZero();

        // Check-in of an organization that did not register.
        HttpGraphQlTester.Response notRegistered = alliance.document(CHECK_IN)
                .variable("i", Map.of("eventId", event, "organizationId", chain.organizationId())).execute();
        notRegistered.path("checkInTradeEventParticipant.errors[0].field").entityList(String.class).containsExactly("input", "organizationId")
                .path("checkInTradeEventParticipant.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");

        // Once the event has ended, registration is closed.
        jdbc.update("UPDATE trade_event SET starts_on = ?, ends_on = ? WHERE id = ?", today().minusDays(5), today().minusDays(3), eventId);
        assertErrors(chain.as().document(REGISTER).variable("i", registration(event, chain.organizationId(), "VISITOR", null, null))
                .execute(), "registerForTradeEvent", Map.of("input.eventId", "CONFLICT"));
        assertThat(count("SELECT COUNT(*) FROM trade_event_participant WHERE event_id = ?", eventId)).isEqualTo(1);

        // An event that has ended cannot be cancelled; a cancelled one takes no changes.
        alliance.document("mutation($i: CancelTradeEventInput!) { cancelTradeEvent(input: $i) { errors { field code } } }")
                .variable("i", Map.of("id", event)).execute()
                .path("cancelTradeEvent.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        String other = createFair(fair(TestData.unique("Hội chợ hủy "), "Huế", today().plusDays(3), today().plusDays(4)));
        alliance.document("mutation($i: CancelTradeEventInput!) { cancelTradeEvent(input: $i) { tradeEvent { status cancelReason } errors { code } } }")
                .variable("i", Map.of("id", other, "reason", "Bão")).execute()
                .path("cancelTradeEvent.tradeEvent.status").entity(String.class).isEqualTo("CANCELLED")
                .path("cancelTradeEvent.tradeEvent.cancelReason").entity(String.class).isEqualTo("Bão");
        alliance.document("mutation($i: UpdateTradeEventInput!) { updateTradeEvent(input: $i) { errors { field code } } }")
                .variable("i", Map.of("id", other, "name", "Tên mới")).execute()
                .path("updateTradeEvent.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        assertErrors(coop.as().document(REGISTER).variable("i", registration(other, coop.organizationId(), "EXHIBITOR", null, null))
                .execute(), "registerForTradeEvent", Map.of("input.eventId", "CONFLICT"));
    }

    @Test
    void updatesAreCheckedAgainstWhatIsStored() {
        String event = createFair(fair(TestData.unique("Trưng bày OCOP "), "Thái Nguyên", today().plusDays(7), today().plusDays(9)));
        String update = """
                mutation($i: UpdateTradeEventInput!) { updateTradeEvent(input: $i) {
                  tradeEvent { endsOn kind province { name } version } errors { field code } } }""";
        // Only the end moves: checked against the stored start.
        alliance.document(update).variable("i", Map.of("id", event, "endsOn", today().plusDays(6).toString())).execute()
                .path("updateTradeEvent.errors[0].field").entityList(String.class).containsExactly("input", "endsOn");
        alliance.document(update).variable("i", Map.of("id", event, "kind", "PRODUCT_SHOWCASE", "province", "Bắc Kạn", "expectedVersion", 0))
                .execute().path("updateTradeEvent.errors").entityList(Object.class).hasSize(0)
                .path("updateTradeEvent.tradeEvent.kind").entity(String.class).isEqualTo("PRODUCT_SHOWCASE")
                .path("updateTradeEvent.tradeEvent.province.name").entity(String.class).isEqualTo("Thái Nguyên")
                .path("updateTradeEvent.tradeEvent.version").entity(Integer.class).isEqualTo(1);
        alliance.document(update).variable("i", Map.of("id", event, "name", "Cũ", "expectedVersion", 0)).execute()
                .path("updateTradeEvent.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
    }

    @Test
    void attendanceAndExhibitingAreActivityOnTheEventsLastDay() {
        ActivitySource source = activitySources.stream().filter(s -> s.kind() == ActivityKind.EVENT_ATTENDED).findFirst().orElseThrow();
        String event = createFair(fair(TestData.unique("Phiên kết nối "), "Cần Thơ", today(), today().plusDays(1)));
        Party absent = register(anonymous, "RETAIL_CHAIN", "Chuỗi vắng ", "Cần Thơ");
        registered(coop, registration(event, coop.organizationId(), "EXHIBITOR", null, null));
        registered(chain, registration(event, chain.organizationId(), "VISITOR", null, null));
        registered(absent, registration(event, absent.organizationId(), "VISITOR", null, null));
        alliance.document(CHECK_IN).variable("i", Map.of("eventId", event, "organizationId", chain.organizationId())).execute()
                .path("checkInTradeEventParticipant.errors").entityList(Object.class).hasSize(0);
        List<Long> ids = List.of(db(coop.organizationId()), db(chain.organizationId()), db(absent.organizationId()),
                db(coop2.organizationId()));

        // Not before the event's last day has come.
        assertThat(source.lastActivity(ids, Instant.now())).isEmpty();
        Instant lastDay = today().plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        assertThat(source.lastActivity(ids, Instant.now().plus(Duration.ofDays(3))))
                .isEqualTo(Map.of(db(coop.organizationId()), lastDay, db(chain.organizationId()), lastDay));
        assertThat(source.lastActivity(ids, lastDay)).containsOnlyKeys(db(coop.organizationId()), db(chain.organizationId()));
    }
}
