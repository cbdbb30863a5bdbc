package vn.htxconnect.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Every mutation of the schema, and every sensitive read, run as each kind of caller; the set of
 * callers let through must be exactly the expected one. A mutation added to the schema without a
 * row here fails {@link #everyMutationHasARow()}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    enum Who { ANONYMOUS, OTHER_ORG_MEMBER, MEMBER, OWNER, ALLIANCE, PARTNER_WITH_SCOPE, PARTNER_WITHOUT_SCOPE, ADMIN }

    private static final Set<Who> EVERYONE_BUT_KEYS = EnumSet.of(Who.ANONYMOUS, Who.OTHER_ORG_MEMBER, Who.MEMBER,
            Who.OWNER, Who.ALLIANCE, Who.ADMIN);
    private static final Set<Who> MEMBERS = EnumSet.of(Who.MEMBER, Who.OWNER, Who.ADMIN);
    private static final Set<Who> OWNERS = EnumSet.of(Who.OWNER, Who.ADMIN);
    private static final Set<Who> ALLIANCE = EnumSet.of(Who.ALLIANCE, Who.ADMIN);
    private static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);
    private static final Set<Who> SIGNED_IN_USERS = EnumSet.of(Who.OTHER_ORG_MEMBER, Who.MEMBER, Who.OWNER, Who.ALLIANCE,
            Who.ADMIN);
    private static final Set<Who> READERS = EnumSet.complementOf(EnumSet.of(Who.PARTNER_WITHOUT_SCOPE));

    @Autowired
    HttpGraphQlTester anonymous;

    HttpGraphQlTester admin;
    final Map<Who, HttpGraphQlTester> as = new LinkedHashMap<>();
    String orgA;
    String productA;
    String draftA;
    String spareUser;

    /**
     * A request: document and variables; {@code caller}, when set, is a stand-in for the caller (a fresh user in the
     * same position, for mutations that act on the caller's own account or membership and would otherwise end the
     * shared caller's session or membership), and {@code after} runs once the call returned.
     */
    record Call(String document, Map<String, Object> variables, HttpGraphQlTester caller, Runnable after) {
        Call(String document, Map<String, Object> variables) {
            this(document, variables, null, null);
        }
    }

    /** One row of the matrix: who may, and how to call it (fresh fixtures per caller where needed). */
    record Row(String field, Set<Who> allowed, Function<Who, Call> call) {
    }

    @BeforeAll
    void callers() {
        admin = TestData.asAdmin(anonymous);
        as.put(Who.ANONYMOUS, anonymous);
        as.put(Who.ADMIN, admin);
        Registered a = register("HTX A ");
        orgA = a.organizationId();
        as.put(Who.OWNER, TestData.bearer(anonymous, a.token()));
        as.put(Who.OTHER_ORG_MEMBER, TestData.bearer(anonymous, register("HTX B ").token()));
        String invitation = as.get(Who.OWNER).document("mutation($o: ID!, $e: String!) { inviteMember(input: {organizationId: $o, email: $e}) { invitationToken } }")
                .variable("o", orgA).variable("e", TestData.unique("m") + "@htx.vn").execute()
                .path("inviteMember.invitationToken").entity(String.class).get();
        as.put(Who.MEMBER, TestData.bearer(anonymous, anonymous.document("mutation($t: String!) { acceptInvitation(input: {token: $t, name: \"Thành viên\", password: \"mat-khau-thanh-vien\"}) { token } }")
                .variable("t", invitation).execute().path("acceptInvitation.token").entity(String.class).get()));
        Registered analyst = register("HTX analyst ");
        String analystId = TestData.bearer(anonymous, analyst.token()).document("{ me { id } }").execute().path("me.id").entity(String.class).get();
        admin.document("mutation($u: ID!) { grantPlatformRole(input: {userId: $u, role: ALLIANCE_ANALYST}) { errors { code } } }")
                .variable("u", analystId).execute().path("grantPlatformRole.errors").entityList(Object.class).hasSize(0);
        as.put(Who.ALLIANCE, TestData.bearer(anonymous, analyst.token()));
        as.put(Who.PARTNER_WITH_SCOPE, TestData.bearer(anonymous, apiKey("catalog:read")));
        as.put(Who.PARTNER_WITHOUT_SCOPE, TestData.bearer(anonymous, apiKey("insight:read")));
        spareUser = TestData.bearer(anonymous, register("HTX spare ").token()).document("{ me { id } }").execute()
                .path("me.id").entity(String.class).get();
        productA = TestData.createProduct(anonymous, orgA, "Cà phê matrix", "COFFEE", Map.of());
        draftA = TestData.createProduct(anonymous, orgA, "Cà phê nháp", "COFFEE", Map.of("status", "DRAFT"));
    }

    record Registered(String organizationId, String token) {
    }

    private Registered register(String orgPrefix) {
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", "COOPERATIVE", "name", TestData.unique(orgPrefix), "province", "Gia Lai"),
                        "owner", Map.of("email", TestData.unique("u") + "@htx.vn", "name", "Người dùng", "password", "mat-khau-du-dai")))
                .execute();
        return new Registered(r.path("registerOrganization.organization.id").entity(String.class).get(),
                r.path("registerOrganization.token").entity(String.class).get());
    }

    private String apiKey(String scope) {
        return admin.document("mutation($s: [String!]!) { createApiKey(input: {name: \"Đối tác\", scopes: $s}) { secret } }")
                .variable("s", List.of(scope)).execute().path("createApiKey.secret").entity(String.class).get();
    }

    private String freshProduct() {
        return TestData.createProduct(anonymous, orgA, TestData.unique("Sản phẩm "), "COFFEE", Map.of());
    }

    List<Row> mutations() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("ping", EVERYONE_BUT_KEYS, w -> new Call("mutation { ping }", Map.of())));
        rows.add(new Row("createOrganization", ALLIANCE, w -> new Call(
                "mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { errors { code } } }",
                Map.of("i", Map.of("kind", "PROCESSOR", "name", TestData.unique("Cơ sở chế biến "), "province", "Huế")))));
        rows.add(new Row("updateOrganization", MEMBERS, w -> new Call(
                "mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", orgA, "description", "Mô tả " + w)))));
        rows.add(new Row("archiveOrganization", OWNERS, w -> new Call("""
                mutation($i: OrganizationStatusInput!) { archiveOrganization(input: $i) { errors { code } } }""",
                Map.of("i", Map.of("id", orgA)))));
        rows.add(new Row("restoreOrganization", OWNERS, w -> new Call("""
                mutation($i: OrganizationStatusInput!) { restoreOrganization(input: $i) { errors { code } } }""",
                Map.of("i", Map.of("id", orgA)))));
        rows.add(new Row("setOrganizationVerification", ALLIANCE, w -> new Call("""
                mutation($i: SetOrganizationVerificationInput!) { setOrganizationVerification(input: $i) { errors { code } } }""",
                Map.of("i", Map.of("id", orgA, "verified", true)))));
        rows.add(new Row("createProduct", MEMBERS, w -> new Call(
                "mutation($i: CreateProductInput!) { createProduct(input: $i) { errors { code } } }",
                Map.of("i", Map.of("organizationId", orgA, "name", "Hạt tiêu " + w, "category", "SPICES_PEPPER", "unit", "kg")))));
        rows.add(new Row("updateProduct", MEMBERS, w -> new Call(
                "mutation($i: UpdateProductInput!) { updateProduct(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", productA, "description", "Cập nhật " + w)))));
        rows.add(new Row("archiveProduct", MEMBERS, w -> new Call(
                "mutation($i: ArchiveProductInput!) { archiveProduct(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshProduct())))));
        rows.add(new Row("importProducts", MEMBERS, w -> new Call(
                "mutation($i: ImportProductsInput!) { importProducts(input: $i) { errors { code } } }",
                Map.of("i", Map.of("organizationId", orgA, "csv",
                        "external_ref,name,category,description,unit,price_min_vnd,price_max_vnd,min_order_qty,monthly_capacity,"
                                + "available_months,certifications,ocop_stars,province,lat,lon,image_urls\n"
                                + TestData.unique("R") + ",Hồ tiêu đen,SPICES_PEPPER,,kg,,,,,,,,,,,\n")))));
        rows.add(new Row("registerOrganization", EVERYONE_BUT_KEYS, w -> new Call("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { errors { code } } }""",
                Map.of("i", Map.of("organization", Map.of("kind", "RETAIL_CHAIN", "name", TestData.unique("Chuỗi "), "province", "Hà Nội"),
                        "owner", Map.of("email", TestData.unique("r") + "@chuoi.vn", "name", "Mua hàng", "password", "mat-khau-du-dai"))))));
        rows.add(new Row("login", EVERYONE_BUT_KEYS, w -> new Call(
                "mutation { login(input: {email: \"nobody@htx.vn\", password: \"wrong-password\"}) { errors { code } } }", Map.of())));
        rows.add(new Row("inviteMember", OWNERS, w -> new Call(
                "mutation($o: ID!, $e: String!) { inviteMember(input: {organizationId: $o, email: $e}) { errors { code } } }",
                Map.of("o", orgA, "e", TestData.unique("i") + "@htx.vn"))));
        rows.add(new Row("acceptInvitation", EVERYONE_BUT_KEYS, w -> new Call(
                "mutation { acceptInvitation(input: {token: \"inv_unknown\"}) { errors { code } } }", Map.of())));
        rows.add(new Row("grantPlatformRole", ADMIN, w -> new Call(
                "mutation($u: ID!) { grantPlatformRole(input: {userId: $u, role: null}) { errors { code } } }",
                Map.of("u", spareUser))));
        rows.add(new Row("createApiKey", ADMIN, w -> new Call(
                "mutation { createApiKey(input: {name: \"K\", scopes: [\"catalog:read\"]}) { errors { code } } }", Map.of())));
        rows.add(new Row("revokeApiKey", ADMIN, w -> new Call(
                "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { errors { code } } }",
                Map.of("id", admin.document("mutation { createApiKey(input: {name: \"K\", scopes: [\"catalog:read\"]}) { apiKey { id } } }")
                        .execute().path("createApiKey.apiKey.id").entity(String.class).get()))));
        // The account lifecycle. Members and owners acting on their own membership or session are fresh stand-ins.
        rows.add(new Row("removeMember", OWNERS, w -> new Call(
                "mutation($o: ID!, $u: ID!) { removeMember(input: {organizationId: $o, userId: $u}) { errors { code } } }",
                Map.of("o", orgA, "u", freshMemberOfA("MEMBER").id()))));
        rows.add(new Row("changeMemberRole", OWNERS, w -> new Call(
                "mutation($o: ID!, $u: ID!) { changeMemberRole(input: {organizationId: $o, userId: $u, role: OWNER}) { errors { code } } }",
                Map.of("o", orgA, "u", freshMemberOfA("MEMBER").id()))));
        rows.add(new Row("leaveOrganization", MEMBERS, w -> new Call(
                "mutation($o: ID!) { leaveOrganization(input: {organizationId: $o}) { errors { code } } }",
                Map.of("o", orgA), w == Who.MEMBER || w == Who.OWNER ? freshMemberOfA(w.name()).as() : null, null)));
        rows.add(new Row("transferOwnership", OWNERS, w -> new Call(
                "mutation($o: ID!, $u: ID!) { transferOwnership(input: {organizationId: $o, newOwnerId: $u}) { errors { code } } }",
                Map.of("o", orgA, "u", freshMemberOfA("MEMBER").id()), w == Who.OWNER ? freshMemberOfA("OWNER").as() : null, null)));
        rows.add(new Row("changePassword", SIGNED_IN_USERS, w -> new Call(
                "mutation { changePassword(input: {currentPassword: \"not-the-password\", newPassword: \"mat-khau-moi-dai\"}) { errors { code } } }",
                Map.of())));
        rows.add(new Row("requestPasswordReset", EVERYONE_BUT_KEYS, w -> new Call(
                "mutation($e: String!) { requestPasswordReset(input: {email: $e}) { errors { code } } }",
                Map.of("e", TestData.unique("nobody") + "@htx.vn"))));
        rows.add(new Row("resetPassword", EVERYONE_BUT_KEYS, w -> new Call(
                "mutation { resetPassword(input: {token: \"pwr_unknown\", newPassword: \"mat-khau-moi-dai\"}) { errors { code } } }",
                Map.of())));
        rows.add(new Row("signOutEverywhere", SIGNED_IN_USERS, this::signOutAsStandIn));
        rows.add(new Row("reindexProducts", ADMIN, w -> new Call(
                "mutation { reindexProducts(input: {}) { job { id } errors { code } } }", Map.of())));
        rows.add(new Row("checkProductIndex", ADMIN, w -> new Call(
                "mutation($o: ID) { checkProductIndex(input: {repair: false, organizationId: $o}) { errors { code } } }",
                Map.of("o", orgA))));
        rows.add(new Row("createSourcingRequest", MEMBERS, w -> new Call(
                "mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) { errors { code } } }",
                Map.of("i", sourcingInput()))));
        rows.add(new Row("updateSourcingRequest", MEMBERS, w -> new Call(
                "mutation($i: UpdateSourcingRequestInput!) { updateSourcingRequest(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshSourcingRequest(), "details", "Cập nhật " + w)))));
        rows.add(new Row("pauseSourcingRequest", MEMBERS, w -> new Call(
                "mutation($i: SourcingRequestStatusInput!) { pauseSourcingRequest(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshSourcingRequest())))));
        rows.add(new Row("resumeSourcingRequest", MEMBERS, w -> new Call(
                "mutation($i: SourcingRequestStatusInput!) { resumeSourcingRequest(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshSourcingRequest())))));
        rows.add(new Row("closeSourcingRequest", MEMBERS, w -> new Call(
                "mutation($i: CloseSourcingRequestInput!) { closeSourcingRequest(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshSourcingRequest())))));
        rows.add(new Row("startInquiry", MEMBERS, w -> new Call(
                "mutation($i: StartInquiryInput!) { startInquiry(input: $i) { errors { code } } }",
                Map.of("i", Map.of("buyerOrganizationId", orgA, "subject", "Hỏi giá", "message", "Xin báo giá",
                        "supplierId", TestData.createOrganization(anonymous, TestData.unique("HTX "), "COOPERATIVE", "Huế"))))));
        rows.add(new Row("sendMessage", MEMBERS, w -> new Call(
                "mutation($i: SendMessageInput!) { sendMessage(input: $i) { errors { code } } }",
                Map.of("i", Map.of("conversationId", inquiryToA(), "body", "Trả lời " + w)))));
        rows.add(new Row("markConversationRead", MEMBERS, w -> new Call(
                "mutation($i: MarkConversationReadInput!) { markConversationRead(input: $i) { errors { code } } }",
                Map.of("i", Map.of("conversationId", inquiryToA())))));
        rows.add(new Row("blockSender", MEMBERS, w -> new Call(
                "mutation($i: BlockSenderInput!) { blockSender(input: $i) { errors { code } } }",
                Map.of("i", Map.of("organizationId", orgA, "blockedOrganizationId",
                        TestData.createOrganization(anonymous, TestData.unique("Chuỗi "), "RETAIL_CHAIN", "Huế"))))));
        rows.add(new Row("unblockSender", MEMBERS, w -> new Call(
                "mutation($i: BlockSenderInput!) { unblockSender(input: $i) { errors { code } } }",
                Map.of("i", Map.of("organizationId", orgA, "blockedOrganizationId",
                        TestData.createOrganization(anonymous, TestData.unique("Chuỗi "), "RETAIL_CHAIN", "Huế"))))));
        rows.add(new Row("proposeSupplyLinkage", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "mutation($i: ProposeSupplyLinkageInput!) { proposeSupplyLinkage(input: $i) { errors { code } } }",
                Map.of("i", linkageInput(TestData.createOrganization(anonymous, TestData.unique("Chuỗi "), "RETAIL_CHAIN", "Huế"))))));
        rows.add(new Row("confirmSupplyLinkage", MEMBERS, w -> new Call(
                "mutation($i: SupplyLinkageActionInput!) { confirmSupplyLinkage(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshLinkage(false), "actingOrganizationId", orgA)))));
        rows.add(new Row("rejectSupplyLinkage", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "mutation($i: SupplyLinkageActionInput!) { rejectSupplyLinkage(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshLinkage(false))))));
        rows.add(new Row("suspendSupplyLinkage", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "mutation($i: SupplyLinkageActionInput!) { suspendSupplyLinkage(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshLinkage(true), "reason", "Mất mùa")))));
        rows.add(new Row("resumeSupplyLinkage", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "mutation($i: SupplyLinkageActionInput!) { resumeSupplyLinkage(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshLinkage(true))))));
        rows.add(new Row("endSupplyLinkage", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "mutation($i: SupplyLinkageActionInput!) { endSupplyLinkage(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshLinkage(true))))));
        rows.add(new Row("sendQuote", MEMBERS, w -> new Call(
                "mutation($i: SendQuoteInput!) { sendQuote(input: $i) { errors { code } } }",
                Map.of("i", Map.of("requestId", requestOf(freshBuyer()), "supplierOrganizationId", orgA,
                        "pricePerUnitVnd", 20000, "quantity", 1, "unit", "tấn",
                        "validUntil", java.time.OffsetDateTime.now().plusDays(10).toString())))));
        rows.add(new Row("acceptQuote", MEMBERS, w -> new Call(
                "mutation($i: AcceptQuoteInput!) { acceptQuote(input: $i) { errors { code } } }",
                Map.of("i", Map.of("quoteId", freshQuote(true))))));
        rows.add(new Row("declineQuote", MEMBERS, w -> new Call(
                "mutation($i: DeclineQuoteInput!) { declineQuote(input: $i) { errors { code } } }",
                Map.of("i", Map.of("quoteId", freshQuote(true), "reason", "Giá cao")))));
        rows.add(new Row("withdrawQuote", MEMBERS, w -> new Call(
                "mutation($i: WithdrawQuoteInput!) { withdrawQuote(input: $i) { errors { code } } }",
                Map.of("i", Map.of("quoteId", freshQuote(false))))));
        rows.add(new Row("markNotificationsRead", MEMBERS, w -> new Call(
                "mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { unreadCount errors { code } } }",
                Map.of("i", Map.of("organizationId", orgA)))));
        rows.add(new Row("setNotificationDigest", SIGNED_IN_USERS, w -> new Call(
                "mutation { setNotificationDigest(input: {enabled: false}) { errors { code } } }", Map.of())));
        rows.add(new Row("recordShipment", MEMBERS, w -> new Call(
                "mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { errors { code } } }",
                Map.of("i", movement(freshLinkage(true))))));
        rows.add(new Row("recordReceipt", MEMBERS, w -> new Call(
                "mutation($i: RecordReceiptInput!) { recordReceipt(input: $i) { errors { code } } }",
                Map.of("i", movement(freshLinkageSupplyingA())))));
        rows.add(new Row("recordTransformation", MEMBERS, w -> new Call(
                "mutation($i: RecordTransformationInput!) { recordTransformation(input: $i) { errors { code } } }",
                Map.of("i", Map.of("organizationId", orgA, "occurredAt", java.time.OffsetDateTime.now().minusDays(1).toString(),
                        "inputs", List.of(Map.of("lotNumber", "never-received", "quantity", 1, "unit", "kg")),
                        "outputs", List.of(Map.of("lotNumber", "R1", "quantity", 1, "unit", "kg")))))));
        rows.add(new Row("correctSupplyEvent", MEMBERS, w -> new Call(
                "mutation($i: CorrectSupplyEventInput!) { correctSupplyEvent(input: $i) { errors { code } } }",
                Map.of("i", Map.of("eventId", freshShipment(), "quantity", 2)))));
        rows.add(new Row("createTradeEvent", ALLIANCE, w -> new Call(
                "mutation($i: CreateTradeEventInput!) { createTradeEvent(input: $i) { errors { code } } }",
                Map.of("i", tradeEventInput()))));
        rows.add(new Row("updateTradeEvent", ALLIANCE, w -> new Call(
                "mutation($i: UpdateTradeEventInput!) { updateTradeEvent(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshTradeEvent(), "description", "Cập nhật " + w)))));
        rows.add(new Row("cancelTradeEvent", ALLIANCE, w -> new Call(
                "mutation($i: CancelTradeEventInput!) { cancelTradeEvent(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshTradeEvent(), "reason", "Mưa bão")))));
        rows.add(new Row("registerForTradeEvent", MEMBERS, w -> new Call(
                "mutation($i: RegisterForTradeEventInput!) { registerForTradeEvent(input: $i) { errors { code } } }",
                Map.of("i", Map.of("eventId", freshTradeEvent(), "organizationId", orgA, "role", "EXHIBITOR",
                        "booth", "A1", "productIds", List.of(productA))))));
        rows.add(new Row("checkInTradeEventParticipant", ALLIANCE, w -> new Call(
                "mutation($i: CheckInTradeEventParticipantInput!) { checkInTradeEventParticipant(input: $i) { errors { code } } }",
                Map.of("i", Map.of("eventId", tradeEventWithA(), "organizationId", orgA)))));
        rows.add(new Row("recordTradeEventLead", MEMBERS_AND_ALLIANCE_OF_A, w -> {
            String event = tradeEventWithA();
            String supplier = exhibitorAt(event);
            return new Call("mutation($i: RecordTradeEventLeadInput!) { recordTradeEventLead(input: $i) { errors { code } } }",
                    Map.of("i", Map.of("eventId", event, "buyerOrganizationId", orgA, "supplierOrganizationId", supplier,
                            "note", "Quan tâm " + w)));
        }));
        rows.add(new Row("convertLeadToInquiry", MEMBERS, w -> new Call(
                "mutation($i: ConvertLeadToInquiryInput!) { convertLeadToInquiry(input: $i) { errors { code } } }",
                Map.of("i", Map.of("leadId", freshLeadOfA(), "message", "Xin báo giá")))));
        // A support plan changes nothing but the history, so every caller let through leaves A as it was.
        rows.add(new Row("recordCooperativeDecision", ALLIANCE, w -> new Call(
                "mutation($i: RecordCooperativeDecisionInput!) { recordCooperativeDecision(input: $i) { errors { code } } }",
                Map.of("i", Map.of("organizationId", orgA, "kind", "SUPPORT_PLAN", "note", "Kế hoạch hỗ trợ " + w)))));
        // Training courses (support): the Alliance runs them; people register themselves for their own organization.
        rows.add(new Row("createCourse", ALLIANCE, w -> new Call(
                "mutation($i: CreateCourseInput!) { createCourse(input: $i) { errors { code } } }",
                Map.of("i", courseInput("Tập huấn " + w, false)))));
        rows.add(new Row("publishCourse", ALLIANCE, w -> new Call(
                "mutation($i: CourseActionInput!) { publishCourse(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshCourse(false))))));
        rows.add(new Row("cancelCourse", ALLIANCE, w -> new Call(
                "mutation($i: CourseActionInput!) { cancelCourse(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshCourse(true), "reason", "Bão")))));
        rows.add(new Row("setCourseOrganizer", ALLIANCE, w -> new Call(
                "mutation($i: SetCourseOrganizerInput!) { setCourseOrganizer(input: $i) { errors { code } } }",
                Map.of("i", Map.of("organizationId", orgA, "granted", false)))));
        rows.add(new Row("registerForCourse", MEMBERS, w -> new Call(
                "mutation($i: RegisterForCourseInput!) { registerForCourse(input: $i) { errors { code } } }",
                Map.of("i", Map.of("courseId", freshCourse(true), "audience", "MANAGERS", "organizationId", orgA)))));
        rows.add(new Row("cancelCourseRegistration", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "mutation($i: CancelCourseRegistrationInput!) { cancelCourseRegistration(input: $i) { errors { code } } }",
                Map.of("i", Map.of("registrationId", freshRegistrationOfA(freshCourse(true)))))));
        rows.add(new Row("recordCourseAttendance", ALLIANCE, w -> {
            String course = freshCourse(true);
            String registration = freshRegistrationOfA(course);
            jdbc.update("UPDATE course SET starts_at = CURRENT_TIMESTAMP(6) - INTERVAL 1 HOUR WHERE id = ?",
                    vn.htxconnect.platform.GlobalId.decode("id", course).id());
            return new Call("mutation($i: RecordCourseAttendanceInput!) { recordCourseAttendance(input: $i) { errors { code } } }",
                    Map.of("i", Map.of("courseId", course, "entries", List.of(Map.of("registrationId", registration, "attended", true)))));
        }));
        rows.add(new Row("createSupportProgram", ALLIANCE, w -> new Call(
                "mutation($i: CreateSupportProgramInput!) { createSupportProgram(input: $i) { errors { code } } }",
                Map.of("i", programInput("Hỗ trợ " + w)))));
        // Applications: members of the cooperative apply and answer; the Alliance reviews and records payments.
        rows.add(new Row("applyForSupport", MEMBERS, w -> new Call(
                "mutation($i: ApplyForSupportInput!) { applyForSupport(input: $i) { errors { code } } }",
                Map.of("i", Map.of("programId", freshProgram(), "organizationId", orgA, "amountVnd", 10_000_000L, "purpose", "Mua máy sấy")))));
        rows.add(new Row("answerSupportApplication", MEMBERS, w -> new Call(
                "mutation($i: AnswerSupportApplicationInput!) { answerSupportApplication(input: $i) { errors { code } } }",
                Map.of("i", Map.of("applicationId", freshApplicationOfA("REQUEST_INFO"), "answer", "Đã bổ sung")))));
        rows.add(new Row("reviewSupportApplication", ALLIANCE, w -> new Call(
                "mutation($i: ReviewSupportApplicationInput!) { reviewSupportApplication(input: $i) { errors { code } } }",
                Map.of("i", Map.of("applicationId", freshApplicationOfA(null), "decision", "APPROVE", "amountVnd", 5_000_000L)))));
        rows.add(new Row("recordSupportDisbursement", ALLIANCE, w -> new Call(
                "mutation($i: SupportPaymentInput!) { recordSupportDisbursement(input: $i) { errors { code } } }",
                Map.of("i", Map.of("applicationId", freshApplicationOfA("APPROVE"), "amountVnd", 1_000_000L,
                        "on", java.time.LocalDate.now(vn.htxconnect.platform.VietnamTime.ZONE).toString())))));
        rows.add(new Row("recordSupportRepayment", ALLIANCE, w -> new Call(
                "mutation($i: SupportPaymentInput!) { recordSupportRepayment(input: $i) { errors { code } } }",
                Map.of("i", Map.of("applicationId", freshApplicationOfA("APPROVE"), "amountVnd", 1_000_000L,
                        "on", java.time.LocalDate.now(vn.htxconnect.platform.VietnamTime.ZONE).toString())))));
        // Webhooks: an organization's OWNERs manage its endpoints (admins any); members read them and their log.
        rows.add(new Row("createWebhook", OWNERS, w -> new Call(
                "mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret errors { code } } }",
                Map.of("i", Map.of("organizationId", orgA, "url", "http://127.0.0.1:9/matrix", "eventTypes", List.of("QUOTE_RECEIVED"))))));
        rows.add(new Row("updateWebhook", OWNERS, w -> new Call(
                "mutation($i: UpdateWebhookInput!) { updateWebhook(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", webhookOfA(), "description", "Đối tác " + w)))));
        rows.add(new Row("deleteWebhook", OWNERS, w -> new Call(
                "mutation($i: WebhookIdInput!) { deleteWebhook(input: $i) { errors { code } } }",
                Map.of("i", Map.of("id", freshWebhookOfA())))));
        rows.add(new Row("rotateWebhookSecret", OWNERS, w -> new Call(
                "mutation($i: WebhookIdInput!) { rotateWebhookSecret(input: $i) { secret errors { code } } }",
                Map.of("i", Map.of("id", webhookOfA())))));
        rows.add(new Row("redeliverWebhook", OWNERS, w -> new Call(
                "mutation($i: RedeliverWebhookInput!) { redeliverWebhook(input: $i) { errors { code } } }",
                Map.of("i", Map.of("deliveryId", deadDeliveryOfA())))));
        return rows;
    }

    private static Map<String, Object> programInput(String name) {
        return Map.of("name", name, "kind", "GRANT", "legalBasisKind", "PROVINCIAL_RESOLUTION", "legalBasis", "Nghị quyết HĐND tỉnh",
                "provider", "UBND tỉnh", "budgetVnd", 1_000_000_000L, "opensOn", java.time.LocalDate.now().toString(),
                "closesOn", java.time.LocalDate.now().plusDays(30).toString(),
                "rules", List.of(Map.of("kind", "ORGANIZATION_KINDS", "organizationKinds", List.of("COOPERATIVE"))));
    }

    private String freshProgram() {
        return admin.document("mutation($i: CreateSupportProgramInput!) { createSupportProgram(input: $i) { program { id } errors { code } } }")
                .variable("i", programInput(TestData.unique("Chương trình "))).execute()
                .path("createSupportProgram.errors").entityList(Object.class).hasSize(0)
                .path("createSupportProgram.program.id").entity(String.class).get();
    }

    /**
     * An application of organization A to a fresh programme, made by the admin; then, when {@code step} is given,
     * asked for information or approved (and, approved, 5 million disbursed).
     */
    private String freshApplicationOfA(String step) {
        String app = admin.document("mutation($i: ApplyForSupportInput!) { applyForSupport(input: $i) { application { id } errors { code } } }")
                .variable("i", Map.of("programId", freshProgram(), "organizationId", orgA, "amountVnd", 10_000_000L, "purpose", "Mua máy sấy"))
                .execute().path("applyForSupport.errors").entityList(Object.class).hasSize(0)
                .path("applyForSupport.application.id").entity(String.class).get();
        if (step != null) {
            Map<String, Object> in = new java.util.HashMap<>(Map.of("applicationId", app, "decision", step, "note", "Bổ sung hồ sơ"));
            in.put("amountVnd", 10_000_000L);
            admin.document("mutation($i: ReviewSupportApplicationInput!) { reviewSupportApplication(input: $i) { errors { code } } }")
                    .variable("i", in).execute().path("reviewSupportApplication.errors").entityList(Object.class).hasSize(0);
        }
        if ("APPROVE".equals(step)) {
            admin.document("mutation($i: SupportPaymentInput!) { recordSupportDisbursement(input: $i) { errors { code } } }")
                    .variable("i", Map.of("applicationId", app, "amountVnd", 5_000_000L,
                            "on", java.time.LocalDate.now(vn.htxconnect.platform.VietnamTime.ZONE).toString()))
                    .execute().path("recordSupportDisbursement.errors").entityList(Object.class).hasSize(0);
        }
        return app;
    }

    private static Map<String, Object> courseInput(String title, boolean publish) {
        java.time.OffsetDateTime starts = java.time.OffsetDateTime.now().plusDays(10);
        return Map.of("kind", "MANAGEMENT_AND_ACCOUNTING", "title", title, "province", "Gia Lai", "capacity", 30,
                "audience", List.of("MANAGERS"), "startsAt", starts.toString(), "endsAt", starts.plusHours(8).toString(),
                "place", "Hội trường Liên minh HTX", "publish", publish);
    }

    /** A course of the Alliance, created (and published) by the admin. */
    private String freshCourse(boolean published) {
        return admin.document("mutation($i: CreateCourseInput!) { createCourse(input: $i) { course { id } errors { code } } }")
                .variable("i", courseInput(TestData.unique("Quản trị HTX "), published)).execute()
                .path("createCourse.errors").entityList(Object.class).hasSize(0)
                .path("createCourse.course.id").entity(String.class).get();
    }

    /** Someone registered for organization A by the admin, with a phone of their own. */
    private String freshRegistrationOfA(String course) {
        String phone = "09" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        return admin.document("mutation($i: RegisterForCourseInput!) { registerForCourse(input: $i) { registration { id } errors { code } } }")
                .variable("i", Map.of("courseId", course, "name", "Học viên", "phone", phone, "audience", "MANAGERS",
                        "organizationId", orgA)).execute()
                .path("registerForCourse.errors").entityList(Object.class).hasSize(0)
                .path("registerForCourse.registration.id").entity(String.class).get();
    }

    private static Map<String, Object> movement(String linkageId) {
        return Map.of("linkageId", linkageId, "quantity", 1, "unit", "tấn", "lotNumber", "L1",
                "occurredAt", java.time.OffsetDateTime.now().minusDays(1).toString());
    }

    /** A shipment on a fresh linkage from organization A, recorded by the admin for A. */
    private String freshShipment() {
        return admin.document("mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { event { id } errors { code } } }")
                .variable("i", movement(freshLinkage(true))).execute()
                .path("recordShipment.errors").entityList(Object.class).hasSize(0)
                .path("recordShipment.event.id").entity(String.class).get();
    }

    /** An active linkage from a fresh cooperative to organization A (A is the customer, who records receipts). */
    private String freshLinkageSupplyingA() {
        String supplier = TestData.createOrganization(anonymous, TestData.unique("HTX "), "COOPERATIVE", "Huế");
        String id = admin.document("""
                        mutation($i: ProposeSupplyLinkageInput!) { proposeSupplyLinkage(input: $i) { linkage { id } errors { code } } }""")
                .variable("i", Map.of("supplierOrganizationId", supplier, "customerOrganizationId", orgA, "category", "COFFEE",
                        "volumePerPeriod", 2, "unit", "tấn", "period", "MONTHLY")).execute()
                .path("proposeSupplyLinkage.errors").entityList(Object.class).hasSize(0)
                .path("proposeSupplyLinkage.linkage.id").entity(String.class).get();
        for (String side : List.of(supplier, orgA)) {
            admin.document("mutation($i: SupplyLinkageActionInput!) { confirmSupplyLinkage(input: $i) { errors { code } } }")
                    .variable("i", Map.of("id", id, "actingOrganizationId", side)).execute()
                    .path("confirmSupplyLinkage.errors").entityList(Object.class).hasSize(0);
        }
        return id;
    }

    private Map<String, Object> tradeEventInput() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        return Map.of("kind", "TRADE_FAIR", "name", TestData.unique("Hội chợ "), "province", "Huế",
                "startsOn", today.toString(), "endsOn", today.plusDays(2).toString());
    }

    /** An ongoing event announced by the admin. */
    private String freshTradeEvent() {
        return admin.document("mutation($i: CreateTradeEventInput!) { createTradeEvent(input: $i) { tradeEvent { id } errors { code } } }")
                .variable("i", tradeEventInput()).execute()
                .path("createTradeEvent.errors").entityList(Object.class).hasSize(0)
                .path("createTradeEvent.tradeEvent.id").entity(String.class).get();
    }

    private void registerAsAdmin(String event, String org) {
        admin.document("mutation($i: RegisterForTradeEventInput!) { registerForTradeEvent(input: $i) { errors { code } } }")
                .variable("i", Map.of("eventId", event, "organizationId", org, "role", "EXHIBITOR")).execute()
                .path("registerForTradeEvent.errors").entityList(Object.class).hasSize(0);
    }

    /** A fresh ongoing event where organization A exhibits. */
    private String tradeEventWithA() {
        String event = freshTradeEvent();
        registerAsAdmin(event, orgA);
        return event;
    }

    /** A fresh cooperative exhibiting at the event. */
    private String exhibitorAt(String event) {
        String supplier = TestData.createOrganization(anonymous, TestData.unique("HTX "), "COOPERATIVE", "Huế");
        registerAsAdmin(event, supplier);
        return supplier;
    }

    /** A lead of organization A (as buyer) in a fresh cooperative, recorded by the admin. */
    private String freshLeadOfA() {
        String event = tradeEventWithA();
        String supplier = exhibitorAt(event);
        return admin.document("mutation($i: RecordTradeEventLeadInput!) { recordTradeEventLead(input: $i) { lead { id } errors { code } } }")
                .variable("i", Map.of("eventId", event, "buyerOrganizationId", orgA, "supplierOrganizationId", supplier)).execute()
                .path("recordTradeEventLead.errors").entityList(Object.class).hasSize(0)
                .path("recordTradeEventLead.lead.id").entity(String.class).get();
    }

    private Map<String, Object> linkageInput(String customer) {
        return Map.of("supplierOrganizationId", orgA, "customerOrganizationId", customer, "category", "COFFEE",
                "volumePerPeriod", 2, "unit", "tấn", "period", "MONTHLY");
    }

    /** A linkage from organization A to a fresh retail chain, recorded by the Alliance; active when both sides confirmed. */
    private String freshLinkage(boolean active) {
        String customer = TestData.createOrganization(anonymous, TestData.unique("Chuỗi "), "RETAIL_CHAIN", "Huế");
        String id = admin.document("""
                        mutation($i: ProposeSupplyLinkageInput!) { proposeSupplyLinkage(input: $i) { linkage { id } errors { code } } }""")
                .variable("i", linkageInput(customer)).execute()
                .path("proposeSupplyLinkage.errors").entityList(Object.class).hasSize(0)
                .path("proposeSupplyLinkage.linkage.id").entity(String.class).get();
        if (active) {
            for (String side : List.of(orgA, customer)) {
                admin.document("""
                                mutation($i: SupplyLinkageActionInput!) { confirmSupplyLinkage(input: $i) { errors { code } } }""")
                        .variable("i", Map.of("id", id, "actingOrganizationId", side)).execute()
                        .path("confirmSupplyLinkage.errors").entityList(Object.class).hasSize(0);
            }
        }
        return id;
    }

    record Person(String id, HttpGraphQlTester as) {
    }

    /** Someone invited into organization A with the role by its owner, who accepts. */
    private Person freshMemberOfA(String role) {
        String invitation = as.get(Who.OWNER).document("""
                        mutation($o: ID!, $e: String!, $r: OrgRole) { inviteMember(input: {organizationId: $o, email: $e, role: $r}) { invitationToken } }""")
                .variable("o", orgA).variable("e", TestData.unique("m") + "@htx.vn").variable("r", role).execute()
                .path("inviteMember.invitationToken").entity(String.class).get();
        HttpGraphQlTester member = TestData.bearer(anonymous, anonymous.document("mutation($t: String!) { acceptInvitation(input: {token: $t, name: \"Thành viên\", password: \"mat-khau-thanh-vien\"}) { token } }")
                .variable("t", invitation).execute().path("acceptInvitation.token").entity(String.class).get());
        return new Person(member.document("{ me { id } }").execute().path("me.id").entity(String.class).get(), member);
    }

    /**
     * Signing out everywhere ends every session of the caller, so each kind of user is stood in for by a fresh
     * one of that kind (the shared admin token serves the whole test run); keys and anonymous callers call as
     * themselves. A stand-in admin loses the role again afterwards.
     */
    private Call signOutAsStandIn(Who w) {
        String document = "mutation { signOutEverywhere(input: {}) { errors { code } } }";
        return switch (w) {
            case MEMBER, OWNER -> new Call(document, Map.of(), freshMemberOfA(w.name()).as(), null);
            case OTHER_ORG_MEMBER -> new Call(document, Map.of(), TestData.bearer(anonymous, register("HTX B ").token()), null);
            case ALLIANCE, ADMIN -> {
                HttpGraphQlTester user = TestData.bearer(anonymous, register("HTX stand-in ").token());
                String id = user.document("{ me { id } }").execute().path("me.id").entity(String.class).get();
                String role = w == Who.ADMIN ? "ADMIN" : "ALLIANCE_ANALYST";
                admin.document("mutation($u: ID!, $r: PlatformRole) { grantPlatformRole(input: {userId: $u, role: $r}) { errors { code } } }")
                        .variable("u", id).variable("r", role).execute().path("grantPlatformRole.errors").entityList(Object.class).hasSize(0);
                yield new Call(document, Map.of(), user, () -> admin.document(
                                "mutation($u: ID!) { grantPlatformRole(input: {userId: $u, role: null}) { errors { code } } }")
                        .variable("u", id).execute().path("grantPlatformRole.errors").entityList(Object.class).hasSize(0));
            }
            default -> new Call(document, Map.of());
        };
    }

    List<Row> reads() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("searchProducts", READERS, w -> new Call("{ searchProducts(query: \"cà phê\") { totalCount } }", Map.of())));
        rows.add(new Row("organizations", READERS, w -> new Call("{ organizations { totalCount } }", Map.of())));
        rows.add(new Row("products(DRAFT)", EnumSet.of(Who.MEMBER, Who.OWNER, Who.ALLIANCE, Who.ADMIN), w -> new Call(
                "query($f: ProductListFilter) { products(filter: $f) { totalCount } }",
                Map.of("f", Map.of("organizationId", orgA, "status", "DRAFT")))));
        rows.add(new Row("auditLog", ALLIANCE, w -> new Call("{ auditLog(first: 1) { totalCount } }", Map.of())));
        rows.add(new Row("apiKeys", ADMIN, w -> new Call("{ apiKeys { id } }", Map.of())));
        rows.add(new Row("SourcingRequest.matches", EnumSet.of(Who.MEMBER, Who.OWNER, Who.ALLIANCE, Who.ADMIN), w -> new Call(
                "query($id: ID!) { sourcingRequest(id: $id) { matches(first: 1) { score } } }",
                Map.of("id", freshSourcingRequest()))));
        rows.add(new Row("Product.leads", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "query($id: ID!) { product(id: $id) { leads(first: 1) { score } } }", Map.of("id", productA))));
        rows.add(new Row("conversations", MEMBERS, w -> new Call(
                "query($o: ID!) { conversations(filter: {organizationId: $o}) { totalCount } }", Map.of("o", orgA))));
        rows.add(new Row("conversation", MEMBERS, w -> new Call(
                "query($id: ID!) { conversation(id: $id) { subject } }", Map.of("id", inquiryToA()))));
        rows.add(new Row("supplyLinkages", EnumSet.of(Who.OTHER_ORG_MEMBER, Who.MEMBER, Who.OWNER, Who.ALLIANCE, Who.ADMIN),
                w -> new Call("{ supplyLinkages(first: 1) { totalCount } }", Map.of())));
        rows.add(new Row("supplyLinkage.history", EnumSet.of(Who.OTHER_ORG_MEMBER, Who.MEMBER, Who.OWNER, Who.ALLIANCE, Who.ADMIN),
                w -> new Call("query($id: ID!) { supplyLinkage(id: $id) { status history { action } } }",
                        Map.of("id", freshLinkage(true)))));
        rows.add(new Row("supplyDemandGap", EnumSet.of(Who.ALLIANCE, Who.ADMIN, Who.PARTNER_WITHOUT_SCOPE), w -> new Call(
                "{ supplyDemandGap { openRequests } }", Map.of())));
        rows.add(new Row("unmetSearches", EnumSet.of(Who.ALLIANCE, Who.ADMIN, Who.PARTNER_WITHOUT_SCOPE), w -> new Call(
                "{ unmetSearches { searches } }", Map.of())));
        rows.add(new Row("unmetSearchCauses", EnumSet.of(Who.ALLIANCE, Who.ADMIN, Who.PARTNER_WITHOUT_SCOPE), w -> new Call(
                "{ unmetSearchCauses { cause searches } }", Map.of())));
        rows.add(new Row("cooperativeFigures", EnumSet.of(Who.ALLIANCE, Who.ADMIN, Who.PARTNER_WITHOUT_SCOPE), w -> new Call(
                "{ cooperativeFigures { cooperatives } }", Map.of())));
        rows.add(new Row("SupplyLinkage.events", EnumSet.of(Who.OTHER_ORG_MEMBER, Who.MEMBER, Who.OWNER, Who.ALLIANCE, Who.ADMIN),
                w -> new Call("query($id: ID!) { supplyLinkage(id: $id) { events(first: 5) { totalCount edges { node { quantity } } } } }",
                        Map.of("id", freshLinkage(true)))));
        rows.add(new Row("traceLot", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "query($o: ID!) { traceLot(organizationId: $o, lotNumber: \"L1\") { nodes { lotNumber } steps { quantity } } }",
                Map.of("o", orgA))));
        rows.add(new Row("linkageStatistics", ALLIANCE, w -> new Call("{ linkageStatistics { total active } }", Map.of())));
        rows.add(new Row("quotes", MEMBERS, w -> new Call(
                "query($o: ID!) { quotes(filter: {organizationId: $o}) { totalCount } }", Map.of("o", orgA))));
        rows.add(new Row("notifications", MEMBERS, w -> new Call(
                "query($o: ID!) { notifications(organizationId: $o) { totalCount unreadCount } }", Map.of("o", orgA))));
        // The key called "without scope" holds insight:read, the scope event lists need.
        rows.add(new Row("tradeEvents", EnumSet.of(Who.OTHER_ORG_MEMBER, Who.MEMBER, Who.OWNER, Who.ALLIANCE,
                Who.PARTNER_WITHOUT_SCOPE, Who.ADMIN), w -> new Call("{ tradeEvents(first: 1) { totalCount } }", Map.of())));
        rows.add(new Row("blockedSenders", MEMBERS, w -> new Call(
                "query($o: ID!) { blockedSenders(organizationId: $o) { totalCount } }", Map.of("o", orgA))));
        // PARTNER_WITHOUT_SCOPE holds insight:read (and not catalog:read): the one key this report is for.
        rows.add(new Row("cooperativeActivityReport", EnumSet.of(Who.ALLIANCE, Who.PARTNER_WITHOUT_SCOPE, Who.ADMIN), w -> new Call(
                "{ cooperativeActivityReport(province: \"Gia Lai\") { counts { total } } }", Map.of())));
        rows.add(new Row("Organization.decisions", ALLIANCE, w -> new Call(
                "query($id: ID!) { organization(id: $id) { decisions { kind } } }", Map.of("id", orgA))));
        // Courses are public (keys need insight:read); their figures are the Alliance's and insight:read keys'.
        rows.add(new Row("courses", EnumSet.complementOf(EnumSet.of(Who.PARTNER_WITH_SCOPE)), w -> new Call(
                "{ courses(first: 1) { totalCount } }", Map.of())));
        rows.add(new Row("courseFigures", EnumSet.of(Who.ALLIANCE, Who.ADMIN, Who.PARTNER_WITHOUT_SCOPE), w -> new Call(
                "{ courseFigures { courses registered founders { attended } } }", Map.of())));
        rows.add(new Row("Course.figures", EnumSet.of(Who.ALLIANCE, Who.ADMIN, Who.PARTNER_WITHOUT_SCOPE), w -> new Call(
                "query($id: ID!) { course(id: $id) { figures { registered } } }", Map.of("id", freshCourse(true)))));
        // Eligibility of organization A: its members and the Alliance; the reverse list: the Alliance.
        rows.add(new Row("eligiblePrograms", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "query($o: ID!) { eligiblePrograms(organizationId: $o) { eligible lacking } }", Map.of("o", orgA))));
        rows.add(new Row("supportApplication", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "query($id: ID!) { supportApplication(id: $id) { status history { kind } } }", Map.of("id", freshApplicationOfA(null)))));
        rows.add(new Row("supportApplications", MEMBERS_AND_ALLIANCE_OF_A, w -> new Call(
                "query($o: ID!) { supportApplications(filter: {organizationId: $o}, first: 5) { totalCount } }", Map.of("o", orgA))));
        rows.add(new Row("supportFigures", EnumSet.of(Who.ALLIANCE, Who.ADMIN, Who.PARTNER_WITHOUT_SCOPE), w -> new Call(
                "{ supportFigures { total { applications approvedVnd } medianDaysToDecision } }", Map.of())));
        rows.add(new Row("eligibleCooperatives", ALLIANCE, w -> new Call(
                "query($p: ID!) { eligibleCooperatives(programId: $p, first: 5) { totalCount } }", Map.of("p", freshProgram()))));
        rows.add(new Row("webhookEndpoints", MEMBERS, w -> new Call(
                "query($o: ID) { webhookEndpoints(organizationId: $o) { id url } }", Map.of("o", orgA))));
        rows.add(new Row("webhookEndpoints(admin-owned)", ADMIN, w -> new Call("{ webhookEndpoints { id } }", Map.of())));
        rows.add(new Row("webhookDeliveries", MEMBERS, w -> new Call(
                "query($e: ID!) { webhookDeliveries(endpointId: $e, first: 5) { totalCount edges { node { statusCode } } } }",
                Map.of("e", webhookOfA()))));
        return rows;
    }

    /** A conversation from a fresh buyer to organization A (fresh buyers keep clear of the daily limit). */
    private String inquiryToA() {
        return TestData.startInquiry(anonymous,
                TestData.createOrganization(anonymous, TestData.unique("Chuỗi "), "RETAIL_CHAIN", "Huế"), orgA);
    }

    private Set<Who> allowedSet(Row row) {
        Set<Who> allowed = EnumSet.noneOf(Who.class);
        for (Who w : Who.values()) {
            Call call = row.call().apply(w);
            HttpGraphQlTester.Request<?> request = (call.caller() != null ? call.caller() : as.get(w)).document(call.document());
            for (Map.Entry<String, Object> v : call.variables().entrySet()) {
                request = request.variable(v.getKey(), v.getValue());
            }
            var response = request.execute().returnResponse();
            if (call.after() != null) {
                call.after().run();
            }
            List<ResponseError> errors = response.getErrors();
            List<Object> codes = errors.stream().map(e -> e.getExtensions().get("code")).toList();
            boolean denied = codes.contains("FORBIDDEN") || codes.contains("UNAUTHENTICATED");
            if (denied && w == Who.ANONYMOUS && !row.field().equals("searchProducts")) {
                assertThat(codes).as(row.field() + " as anonymous says sign in").contains("UNAUTHENTICATED");
            }
            assertThat(codes).as(row.field() + " as " + w + " never fails for other reasons").doesNotContain("INTERNAL");
            if (!denied) {
                allowed.add(w);
            }
            if (row.field().equals("reindexProducts") && !denied) {
                awaitJob(response.field("reindexProducts.job.id").getValue());
            }
            if (row.field().equals("archiveOrganization") && !denied) {
                admin.document("mutation($i: OrganizationStatusInput!) { restoreOrganization(input: $i) { errors { code } } }")
                        .variable("i", Map.of("id", orgA)).execute();
            }
        }
        return allowed;
    }

    /** A reindex started here finishes before anything else runs (it would refuse a second one). */
    private void awaitJob(Object jobId) {
        if (jobId == null) {
            return;
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3)).until(() -> !"RUNNING".equals(
                admin.document("query($id: ID!) { searchJob(id: $id) { status } }").variable("id", jobId).execute()
                        .path("searchJob.status").entity(String.class).get()));
    }

    @Test
    void mutationsAllowExactlyTheExpectedCallers() {
        Map<String, Set<Who>> expected = new LinkedHashMap<>();
        Map<String, Set<Who>> actual = new LinkedHashMap<>();
        for (Row row : mutations()) {
            expected.put(row.field(), row.allowed());
            actual.put(row.field(), allowedSet(row));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void sensitiveReadsAllowExactlyTheExpectedCallers() {
        Map<String, Set<Who>> expected = new LinkedHashMap<>();
        Map<String, Set<Who>> actual = new LinkedHashMap<>();
        for (Row row : reads()) {
            expected.put(row.field(), row.allowed());
            actual.put(row.field(), allowedSet(row));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void draftsAndContactDetailsAreShownOnlyToThoseEntitled() {
        Set<Who> seeDraft = EnumSet.noneOf(Who.class);
        Set<Who> seeContacts = EnumSet.noneOf(Who.class);
        admin.document("mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { errors { code } } }")
                .variable("i", Map.of("id", orgA, "contactPhone", "0901234567")).execute();
        for (Who w : Who.values()) {
            HttpGraphQlTester.Response draft = as.get(w).document("query($id: ID!) { product(id: $id) { name } }")
                    .variable("id", draftA).execute();
            if (draft.returnResponse().getErrors().isEmpty()) {
                seeDraft.add(w);
            }
            if (w != Who.PARTNER_WITHOUT_SCOPE) {
                Object value = as.get(w).document("query($id: ID!) { organization(id: $id) { contactPhone } }")
                        .variable("id", orgA).execute().returnResponse().getData();
                if (value != null && value.toString().contains("0901234567")) {
                    seeContacts.add(w);
                }
            }
        }
        assertThat(seeDraft).isEqualTo(EnumSet.of(Who.MEMBER, Who.OWNER, Who.ALLIANCE, Who.ADMIN));
        assertThat(seeContacts).isEqualTo(EnumSet.of(Who.OTHER_ORG_MEMBER, Who.MEMBER, Who.OWNER, Who.ALLIANCE,
                Who.PARTNER_WITH_SCOPE, Who.ADMIN));
    }

    @Test
    void activityIsShownOnlyToTheOrganizationsMembersAndTheAlliance() {
        Set<Who> seeActivity = EnumSet.noneOf(Who.class);
        for (Who w : Who.values()) {
            Object data = as.get(w).document("query($id: ID!) { organization(id: $id) { activity { status } } }")
                    .variable("id", orgA).execute().returnResponse().getData();
            if (data != null && data.toString().contains("status=")) {
                seeActivity.add(w);
            }
        }
        // Keys read activity with insight:read; PARTNER_WITHOUT_SCOPE has it but not catalog:read, which organization(id:) needs.
        assertThat(seeActivity).isEqualTo(EnumSet.of(Who.MEMBER, Who.OWNER, Who.ALLIANCE, Who.ADMIN));
    }

    @Test
    void everyMutationHasARow() {
        List<String> inSchema = anonymous.document("{ __schema { mutationType { fields { name } } } }").execute()
                .path("__schema.mutationType.fields[*].name").entityList(String.class).get();
        Set<String> covered = new TreeSet<>(mutations().stream().map(Row::field).toList());
        assertThat(new TreeSet<>(inSchema)).as("mutations without a row in the authorisation matrix").isEqualTo(covered);
    }

    private static final Set<Who> MEMBERS_AND_ALLIANCE_OF_A = EnumSet.of(Who.MEMBER, Who.OWNER, Who.ALLIANCE, Who.ADMIN);

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Organization A is a cooperative, so creating a request for it passes authorisation and then fails validation. */
    private Map<String, Object> sourcingInput() {
        return Map.of("buyerOrganizationId", orgA, "title", "Thanh long", "quantity", 1, "unit", "tấn", "frequency", "MONTHLY",
                "deliveryProvince", "Hà Nội", "windowFrom", java.time.LocalDate.now().plusDays(5).toString(),
                "windowTo", java.time.LocalDate.now().plusDays(60).toString());
    }

    /** A fresh buyer organization (database ID), so quotes between it and A never collide. */
    private long freshBuyer() {
        return vn.htxconnect.platform.GlobalId.decode("id",
                TestData.createOrganization(anonymous, TestData.unique("Chuỗi "), "RETAIL_CHAIN", "Huế")).id();
    }

    /**
     * A quote awaiting an answer, written directly: to organization A as buyer ({@code aBuys}) from a
     * fresh cooperative, or from A as supplier to a fresh buyer.
     */
    private String freshQuote(boolean aBuys) {
        long a = vn.htxconnect.platform.GlobalId.decode("id", orgA).id();
        long other = aBuys ? vn.htxconnect.platform.GlobalId.decode("id",
                TestData.createOrganization(anonymous, TestData.unique("HTX "), "COOPERATIVE", "Huế")).id() : freshBuyer();
        long buyer = aBuys ? a : other;
        long request = vn.htxconnect.platform.GlobalId.decode("id", requestOf(buyer)).id();
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    INSERT INTO quote (request_id, supplier_organization_id, buyer_organization_id, price_per_unit_vnd, unit,
                      quantity, frequency, valid_until, status, created_at, updated_at)
                    VALUES (?, ?, ?, 20000, 'TAN', 1, 'MONTHLY', CURRENT_TIMESTAMP(6) + INTERVAL 10 DAY, 'SENT',
                      CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))""", java.sql.Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, request);
            ps.setLong(2, aBuys ? other : a);
            ps.setLong(3, buyer);
            return ps;
        }, key);
        return vn.htxconnect.platform.GlobalId.encode("Quote", key.getKey().longValue());
    }

    /** An open request on organization A's behalf, written directly (the API accepts only buyer kinds). */
    private String freshSourcingRequest() {
        return requestOf(vn.htxconnect.platform.GlobalId.decode("id", orgA).id());
    }

    /** An open public request of the organization, written directly. */
    private String requestOf(long org) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    INSERT INTO sourcing_request (buyer_organization_id, title, category_code, quantity, unit, frequency, delivery_province_code,
                      delivery_lat, delivery_lon, window_from, window_to, expires_at, status, visibility, created_at, updated_at)
                    VALUES (?, 'Thanh long', 'FRUIT', 1, 'TAN', 'MONTHLY', '01', 21.03, 105.85, CURRENT_DATE + INTERVAL 5 DAY,
                      CURRENT_DATE + INTERVAL 60 DAY, CURRENT_TIMESTAMP(6) + INTERVAL 30 DAY, 'OPEN', 'PUBLIC',
                      CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))""", java.sql.Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, org);
            return ps;
        }, key);
        return vn.htxconnect.platform.GlobalId.encode("SourcingRequest", key.getKey().longValue());
    }

    /** A webhook endpoint of organization A (created by the admin), hearing quotes only so it stays quiet. */
    private String freshWebhookOfA() {
        return admin.document("mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { endpoint { id } } }")
                .variable("i", Map.of("organizationId", orgA, "url", "http://127.0.0.1:9/matrix", "eventTypes", List.of("QUOTE_RECEIVED")))
                .execute().path("createWebhook.endpoint.id").entity(String.class).get();
    }

    private String sharedWebhook;

    /** One endpoint of organization A for the rows that keep it (an organization has at most 20). */
    private String webhookOfA() {
        if (sharedWebhook == null) {
            sharedWebhook = freshWebhookOfA();
        }
        return sharedWebhook;
    }

    /** A DEAD delivery to organization A's shared endpoint, written directly. */
    private String deadDeliveryOfA() {
        long endpoint = vn.htxconnect.platform.GlobalId.decode("id", webhookOfA()).id();
        String key = TestData.unique("evt_");
        jdbc.update("INSERT INTO webhook_event (event_key, event_type, object_id, audience_org_ids, payload, fanned_out_at)"
                + " VALUES (?, 'QUOTE_RECEIVED', 'UXVvdGU6MQ', ?, '{}', CURRENT_TIMESTAMP(6))", key,
                String.valueOf(vn.htxconnect.platform.GlobalId.decode("id", orgA).id()));
        Long event = jdbc.queryForObject("SELECT id FROM webhook_event WHERE event_key = ?", Long.class, key);
        jdbc.update("INSERT INTO webhook_delivery (message_id, endpoint_id, event_id, event_type, object_id, payload, state, attempt)"
                + " VALUES (?, ?, ?, 'QUOTE_RECEIVED', 'UXVvdGU6MQ', '{}', 'DEAD', 8)", TestData.unique("msg_"), endpoint, event);
        Long delivery = jdbc.queryForObject("SELECT MAX(id) FROM webhook_delivery WHERE event_id = ?", Long.class, event);
        return vn.htxconnect.platform.GlobalId.encode("WebhookDelivery", delivery);
    }
}
