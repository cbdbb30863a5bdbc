package vn.htxconnect.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Hostile input: injection strings in every text argument, forged and expired tokens, odd bytes.
 * Every answer carries a known code, none is INTERNAL or an HTTP 500, and nothing is changed
 * except what a legitimate request with the same text would change.
 */
@IntegrationTest
class HostileInputTests {

    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1", "\"; DROP TABLE product; --", "1; DELETE FROM organization", "\\", "%", "_", "*",
            "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "{\"query\":{\"match_all\":{}}}",
            "\u0000nul", "x".repeat(5_000), "😀🌾 cà phê", "../../etc/passwd", "OR 1=1 /*", "\u202Eevil",
            "a\"b'c`d", "ca phe\"~2", "robusta^100", "title:*", "(((((", "NaN", "-1", "9".repeat(40));
    static final Set<String> KNOWN_CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST",
            "RATE_LIMITED", "SEARCH_UNAVAILABLE");

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;
    @Value("${htx.security.jwt-secret}")
    String jwtSecret;

    private void assertHandled(HttpGraphQlTester tester, String document, Map<String, Object> variables) {
        HttpGraphQlTester.Request<?> r = tester.document(document);
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            r = r.variable(v.getKey(), v.getValue());
        }
        List<ResponseError> errors = r.execute().returnResponse().getErrors();
        for (ResponseError e : errors) {
            assertThat(e.getExtensions().get("code")).as(document + " " + variables).isIn(KNOWN_CODES.toArray());
            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("at vn.").doesNotContainIgnoringCase("sql");
        }
    }

    @Test
    void injectionStringsInEveryTextArgumentAreAnsweredWithKnownCodes() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String org = TestData.createOrganization(anonymous, TestData.unique("HTX hostile "), "COOPERATIVE", "Cà Mau");
        int organizations = count("organization");
        int decisions = count("cooperative_decision");
        int users = count("app_user");
        int products = count("product");
        for (String p : PAYLOADS) {
            Map<String, Object> v = Map.of("p", p);
            assertHandled(anonymous, "query($p: String) { searchProducts(query: $p) { totalCount } }", v);
            assertHandled(anonymous, "query($p: String) { searchProducts(filter: {category: $p}) { totalCount } }", v);
            assertHandled(anonymous, "query($p: String) { searchProducts(filter: {province: $p}) { totalCount } }", v);
            assertHandled(anonymous, "query($p: String!) { searchProducts(filter: {certifications: [$p]}) { totalCount } }", v);
            assertHandled(anonymous, "query($p: String) { searchProducts(filter: {minMonthlyCapacity: 1, capacityUnit: $p}) { totalCount } }", v);
            assertHandled(anonymous, "query($p: String) { searchProducts(after: $p) { totalCount } }", v);
            assertHandled(anonymous, "query($p: String) { organizations(filter: {text: $p}) { totalCount } }", v);
            assertHandled(anonymous, "query($p: String) { organizations(filter: {province: $p}) { totalCount } }", v);
            assertHandled(anonymous, "query($p: ID!) { product(id: $p) { id } }", v);
            assertHandled(anonymous, "query($p: ID!) { organization(id: $p) { id } }", v);
            assertHandled(anonymous, "query($p: ID!) { node(id: $p) { id } }", v);
            assertHandled(anonymous, "query($p: String!) { province(code: $p) { code } }", v);
            assertHandled(anonymous, "mutation($p: String!) { login(input: {email: $p, password: $p}) { errors { code } } }", v);
            assertHandled(anonymous, "mutation($p: String!) { acceptInvitation(input: {token: $p}) { errors { code } } }", v);
            assertHandled(admin, """
                    mutation($o: ID!, $p: String!) { createProduct(input: {organizationId: $o, name: $p, description: $p,
                      category: $p, unit: $p, province: $p, externalRef: $p, imageUrls: [$p]}) { errors { code } } }""",
                    Map.of("o", org, "p", p));
            assertHandled(admin, """
                    mutation($o: ID!, $p: String!) { updateOrganization(input: {id: $o, name: $p, website: $p,
                      contactEmail: $p, contactPhone: $p, taxCode: $p, address: $p}) { errors { code } } }""",
                    Map.of("o", org, "p", p));
            assertHandled(admin, "mutation($o: ID!, $p: String!) { importProducts(input: {organizationId: $o, csv: $p}) { errors { code } } }",
                    Map.of("o", org, "p", p));
            assertHandled(admin, "query($p: String!) { cooperativeActivityReport(province: $p) { counts { total } } }", v);
            assertHandled(admin, "query($p: String) { cooperativeActivityReport(province: \"Cà Mau\") { cooperatives(after: $p) { totalCount } } }", v);
            assertHandled(admin, """
                    mutation($o: ID!, $p: String!) { recordCooperativeDecision(input: {organizationId: $o, kind: MERGED,
                      mergedIntoOrganizationId: $p, note: $p}) { errors { code } } }""", Map.of("o", org, "p", p));
        }
        // Every table still there and nothing created or removed behind the requests' backs.
        assertThat(count("organization")).isEqualTo(organizations);
        assertThat(count("cooperative_decision")).isEqualTo(decisions);
        assertThat(count("app_user")).isEqualTo(users);
        // Every createProduct above names a category that does not exist: none may have been written.
        assertThat(count("product")).isEqualTo(products);
    }

    /**
     * Course inputs (support): hostile text in every argument is answered with known codes; a course with an
     * over-long title, negative capacity and a bad province names each field and writes nothing; SQL-ish text is
     * kept as text.
     */
    @Test
    void courseInputsNameTheirFieldsAndWriteNothingWhenRefused() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        java.time.OffsetDateTime starts = java.time.OffsetDateTime.now().plusDays(20);
        String course = admin.document("mutation($i: CreateCourseInput!) { createCourse(input: $i) { course { id } errors { code } } }")
                .variable("i", Map.of("kind", "OTHER", "title", "Lớp kiểm thử", "province", "Cà Mau", "capacity", 5,
                        "audience", List.of("MEMBERS"), "startsAt", starts.toString(), "endsAt", starts.plusHours(4).toString(),
                        "place", "Cà Mau", "publish", true)).execute()
                .path("createCourse.course.id").entity(String.class).get();
        int courses = count("course");
        int registrations = count("course_registration");
        int programs = count("support_program");
        for (String p : PAYLOADS) {
            Map<String, Object> v = Map.of("p", p);
            assertHandled(anonymous, "query($p: ID!) { course(id: $p) { id } }", v);
            assertHandled(anonymous, "query($p: String) { courses(filter: {province: $p}) { totalCount } }", v);
            assertHandled(anonymous, "query($p: ID) { courses(filter: {organizerId: $p}) { totalCount } }", v);
            assertHandled(anonymous, "query($p: String) { courses(after: $p) { totalCount } }", v);
            assertHandled(admin, "query($p: String) { courseFigures(filter: {province: $p}) { courses } }", v);
            assertHandled(admin, """
                    mutation($p: String!, $s: DateTime!, $e: DateTime!) { createCourse(input: {kind: OTHER, title: $p,
                      description: $p, place: $p, onlineUrl: $p, province: $p, capacity: -1, audience: [MEMBERS],
                      startsAt: $s, endsAt: $e}) { course { id } errors { field code } } }""",
                    Map.of("p", p, "s", starts.toString(), "e", starts.plusHours(2).toString()));
            assertHandled(admin, """
                    mutation($c: ID!, $p: String!) { registerForCourse(input: {courseId: $c, audience: MEMBERS, name: $p,
                      phone: $p, organizationId: $p}) { errors { code } } }""", Map.of("c", course, "p", p));
            assertHandled(admin, "mutation($p: ID!) { registerForCourse(input: {courseId: $p, audience: MEMBERS}) { errors { code } } }", v);
            assertHandled(admin, "mutation($p: ID!) { cancelCourseRegistration(input: {registrationId: $p}) { errors { code } } }", v);
            assertHandled(admin, """
                    mutation($c: ID!, $p: ID!) { recordCourseAttendance(input: {courseId: $c, entries: [{registrationId: $p,
                      attended: true}]}) { errors { code } } }""", Map.of("c", course, "p", p));
            assertHandled(admin, "mutation($p: ID!) { cancelCourse(input: {id: $p, reason: $p}) { errors { code } } }", v);
            assertHandled(anonymous, "query($p: ID!) { supportProgram(id: $p) { id } }", v);
            assertHandled(admin, "query($p: ID!) { eligiblePrograms(organizationId: $p) { eligible } }", v);
            assertHandled(admin, "query($p: ID!) { eligibleCooperatives(programId: $p) { totalCount } }", v);
            assertHandled(admin, """
                    mutation($p: String!, $d: Date!) { createSupportProgram(input: {name: $p, kind: GRANT, legalBasisKind: OTHER,
                      legalBasis: $p, provider: $p, description: $p, budgetVnd: -1, opensOn: $d, closesOn: $d,
                      rules: [{kind: PROVINCES, provinces: [$p]}, {kind: SECTORS, sectors: [$p]},
                        {kind: VALID_CERTIFICATION, certificationSchemes: [$p]}]}) { errors { field code } } }""",
                    Map.of("p", p, "d", java.time.LocalDate.now().toString()));
        }
        assertThat(count("support_program")).isEqualTo(programs);
        assertThat(count("course")).isEqualTo(courses);
        assertThat(count("course_registration")).isEqualTo(registrations);

        HttpGraphQlTester.Response refused = admin.document("""
                mutation($i: CreateCourseInput!) { createCourse(input: $i) { course { id } errors { field code } } }""")
                .variable("i", Map.of("kind", "OTHER", "title", "T".repeat(201), "province", "' OR 1=1 --", "capacity", -3,
                        "audience", List.of("MEMBERS"), "startsAt", starts.toString(), "endsAt", starts.minusHours(1).toString(),
                        "onlineUrl", "javascript:alert(1)"))
                .execute();
        refused.path("createCourse.course").valueIsNull()
                .path("createCourse.errors[*].field[1]").entityList(String.class)
                .satisfies(f -> assertThat(f).contains("title", "province", "capacity", "endsAt", "onlineUrl"))
                .path("createCourse.errors[?(@.field[1] == 'capacity')].code").entityList(String.class).containsExactly("OUT_OF_RANGE")
                .path("createCourse.errors[?(@.field[1] == 'title')].code").entityList(String.class).containsExactly("TOO_LONG");
        admin.document("mutation($c: ID!) { registerForCourse(input: {courseId: $c, audience: MEMBERS}) { errors { field code } } }")
                .variable("c", "Q291cnNlOjk5OTk5OTk5OQ").execute()
                .path("registerForCourse.errors[0].field").entityList(String.class).containsExactly("input", "courseId")
                .path("registerForCourse.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        admin.document("query { courses(first: 101) { totalCount } }").execute().errors()
                .satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("BAD_REQUEST"));
        // SQL-ish text a person could really write is a name like any other, kept as written.
        String name = "Robert'); DROP TABLE course; --";
        admin.document("mutation($c: ID!, $n: String!) { registerForCourse(input: {courseId: $c, audience: MEMBERS, name: $n, phone: \"0977 000 111\"}) { registration { name } errors { code } } }")
                .variable("c", course).variable("n", name).execute()
                .path("registerForCourse.registration.name").entity(String.class).isEqualTo(name);
        assertThat(count("course")).isEqualTo(courses);
        assertThat(count("course_registration")).isEqualTo(registrations + 1);
    }

    @Test
    void supportApplicationInputsNameTheirFieldsAndWriteNothingWhenRefused() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        java.time.LocalDate today = java.time.LocalDate.now(vn.htxconnect.platform.VietnamTime.ZONE);
        String program = admin.document("""
                mutation($i: CreateSupportProgramInput!) { createSupportProgram(input: $i) { program { id } errors { code } } }""")
                .variable("i", Map.of("name", TestData.unique("Hỗ trợ "), "kind", "GRANT", "legalBasisKind", "OTHER",
                        "legalBasis", "Nghị quyết", "provider", "UBND tỉnh", "budgetVnd", 500_000_000L,
                        "amountPerBeneficiaryVnd", 100_000_000L, "opensOn", today.minusDays(1).toString(),
                        "closesOn", today.plusDays(30).toString(),
                        "rules", List.of(Map.of("kind", "ORGANIZATION_KINDS", "organizationKinds", List.of("COOPERATIVE")))))
                .execute().path("createSupportProgram.program.id").entity(String.class).get();
        String coop = TestData.createOrganization(anonymous, TestData.unique("HTX "), "COOPERATIVE", "Cà Mau");
        String apply = """
                mutation($i: ApplyForSupportInput!) { applyForSupport(input: $i) { application { id status } errors { field code } } }""";
        String app = admin.document(apply).variable("i", Map.of("programId", program, "organizationId", coop,
                "amountVnd", 80_000_000L, "purpose", "Mua máy sấy")).execute().path("applyForSupport.application.id").entity(String.class).get();
        int applications = count("support_application");
        int events = count("support_application_event");
        for (String p : PAYLOADS) {
            Map<String, Object> v = Map.of("p", p);
            assertHandled(admin, """
                    mutation($p: String!, $pr: ID!, $o: ID!) { applyForSupport(input: {programId: $pr, organizationId: $o,
                      amountVnd: -1, purpose: $p, attachments: [$p]}) { errors { field code } } }""",
                    Map.of("p", p, "pr", program, "o", coop));
            assertHandled(admin, """
                    mutation($p: ID!) { applyForSupport(input: {programId: $p, organizationId: $p, amountVnd: 1, purpose: "x"}) {
                      errors { code } } }""", v);
            assertHandled(admin, "mutation($p: ID!) { reviewSupportApplication(input: {applicationId: $p, decision: APPROVE, amountVnd: 1}) { errors { code } } }", v);
            assertHandled(admin, """
                    mutation($a: ID!, $p: String!) { reviewSupportApplication(input: {applicationId: $a, decision: REQUEST_INFO,
                      note: $p, amountVnd: -5}) { errors { code } } }""", Map.of("a", program, "p", p));
            assertHandled(admin, """
                    mutation($p: ID!) { recordSupportDisbursement(input: {applicationId: $p, amountVnd: 1, on: "2025-01-01"}) {
                      errors { code } } }""", v);
            assertHandled(admin, "query($p: ID!) { supportApplication(id: $p) { id } }", v);
            assertHandled(admin, "query($p: ID) { supportApplications(filter: {programId: $p, organizationId: $p}) { totalCount } }", v);
            assertHandled(admin, "query($p: String) { supportFigures(filter: {province: $p}) { total { applications } } }", v);
            assertHandled(admin, "query($p: ID) { supportFigures(filter: {programId: $p}) { total { applications } } }", v);
        }
        // Bad links, an over-long purpose, negative and huge amounts: each named, nothing written.
        HttpGraphQlTester.Response refused = admin.document(apply).variable("i", Map.of("programId", program, "organizationId", coop,
                "amountVnd", Long.MAX_VALUE, "purpose", "p".repeat(2001), "attachments", List.of("javascript:alert(1)",
                        "http://drive.example.vn/a.pdf", "https://", "https://user:pw@example.vn/a", "https://a b.vn/x"))).execute();
        refused.path("applyForSupport.application").valueIsNull()
                .path("applyForSupport.errors[*].field[1]").entityList(String.class)
                .satisfies(f -> assertThat(f).containsExactlyInAnyOrder("amountVnd", "purpose", "attachments", "attachments",
                        "attachments", "attachments", "attachments"))
                .path("applyForSupport.errors[?(@.field[1] == 'purpose')].code").entityList(String.class).containsExactly("TOO_LONG");
        admin.document(apply).variable("i", Map.of("programId", program, "organizationId", coop, "amountVnd", 10L, "purpose", "x",
                        "attachments", java.util.Collections.nCopies(6, "https://example.vn/a.pdf"))).execute()
                .path("applyForSupport.errors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        assertThat(count("support_application")).isEqualTo(applications);

        String review = "mutation($i: ReviewSupportApplicationInput!) { reviewSupportApplication(input: $i) { errors { field code } } }";
        String disburse = "mutation($i: SupportPaymentInput!) { recordSupportDisbursement(input: $i) { errors { field code } } }";
        String repay = "mutation($i: SupportPaymentInput!) { recordSupportRepayment(input: $i) { errors { field code } } }";
        // Disbursing before approval, approving above the request, a negative amount: wrong states and ranges.
        admin.document(disburse).variable("i", Map.of("applicationId", app, "amountVnd", 1L, "on", today.toString())).execute()
                .path("recordSupportDisbursement.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        admin.document(review).variable("i", Map.of("applicationId", app, "decision", "APPROVE", "amountVnd", 90_000_000L)).execute()
                .path("reviewSupportApplication.errors[0].field[1]").entity(String.class).isEqualTo("amountVnd");
        admin.document(review).variable("i", Map.of("applicationId", app, "decision", "APPROVE", "amountVnd", -1L)).execute()
                .path("reviewSupportApplication.errors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        admin.document(review).variable("i", Map.of("applicationId", app, "decision", "APPROVE", "amountVnd", 50_000_000L)).execute()
                .path("reviewSupportApplication.errors").entityList(Object.class).hasSize(0);
        // More than approved, a future day, a repayment on a grant.
        admin.document(disburse).variable("i", Map.of("applicationId", app, "amountVnd", 50_000_001L, "on", today.toString())).execute()
                .path("recordSupportDisbursement.errors[0].field[1]").entity(String.class).isEqualTo("amountVnd");
        admin.document(disburse).variable("i", Map.of("applicationId", app, "amountVnd", 1L, "on", today.plusDays(1).toString())).execute()
                .path("recordSupportDisbursement.errors[0].field[1]").entity(String.class).isEqualTo("on");
        admin.document(repay).variable("i", Map.of("applicationId", app, "amountVnd", 1L, "on", today.toString())).execute()
                .path("recordSupportRepayment.errors[0].code").entity(String.class).isEqualTo("INVALID");
        // Approving again, or rejecting an approved one: wrong state.
        admin.document(review).variable("i", Map.of("applicationId", app, "decision", "REJECT", "note", "Đổi ý")).execute()
                .path("reviewSupportApplication.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        assertThat(count("support_application_event")).isEqualTo(events + 1);
        assertThat(jdbc.queryForObject("SELECT disbursed_vnd FROM support_application WHERE id = ?", Long.class,
                vn.htxconnect.platform.GlobalId.decode("id", app).id())).isZero();
    }

    /**
     * Webhook inputs: hostile text in every argument is answered with known codes and writes no endpoint; URLs
     * that point inside the network (or are not https) are refused naming the url field, whatever their disguise.
     */
    @Test
    void webhookInputsNameTheirFieldsAndNeverReachInsideTheNetwork() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String org = TestData.createOrganization(anonymous, TestData.unique("HTX webhook hostile "), "COOPERATIVE", "Huế");
        int endpoints = count("webhook_endpoint");
        String create = """
                mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { endpoint { id } secret errors { field code } } }""";
        for (String p : PAYLOADS) {
            assertHandled(admin, create, Map.of("i", Map.of("organizationId", org, "url", p, "eventTypes", List.of("PRODUCT_LISTED"))));
            assertHandled(admin, create, Map.of("i", Map.of("organizationId", org, "url", "https://" + p + "/h",
                    "eventTypes", List.of("PRODUCT_LISTED"))));
            assertHandled(admin, create, Map.of("i", Map.of("organizationId", org, "url", "https://127.0.0.2/h",
                    "description", p, "eventTypes", List.of("PRODUCT_LISTED"),
                    "filter", Map.of("provinces", List.of(p), "categories", List.of(p)))));
            assertHandled(admin, create, Map.of("i", Map.of("organizationId", p, "url", p, "eventTypes", List.of("PRODUCT_LISTED"))));
            assertHandled(admin, "mutation($p: ID!) { updateWebhook(input: {id: $p, url: $p}) { errors { code } } }", Map.of("p", p));
            assertHandled(admin, "mutation($p: ID!) { deleteWebhook(input: {id: $p}) { errors { code } } }", Map.of("p", p));
            assertHandled(admin, "mutation($p: ID!) { redeliverWebhook(input: {deliveryId: $p}) { errors { code } } }", Map.of("p", p));
            assertHandled(admin, "query($p: ID!) { webhookDeliveries(endpointId: $p) { totalCount } }", Map.of("p", p));
            assertHandled(admin, "query($p: ID) { webhookEndpoints(organizationId: $p) { id } }", Map.of("p", p));
        }
        assertThat(count("webhook_endpoint")).isEqualTo(endpoints);
        // The test configuration allow-lists 127.0.0.1 only (so `localhost` passes here; UrlGuardTests refuses it without
        // the list); everything else internal is refused on the url field.
        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "http://10.0.0.1/h", "https://192.168.1.1/h",
                "https://[::1]/h", "https://[::ffff:10.0.0.1]/h", "https://127.0.0.2/h",
                "http://93.184.216.34/h", "https://0.0.0.0/h", "file:///etc/passwd")) {
            HttpGraphQlTester.Response r = admin.document(create).variable("i", Map.of("organizationId", org, "url", url,
                    "eventTypes", List.of("PRODUCT_LISTED"))).execute();
            r.path("createWebhook.errors[0].field").entityList(String.class).containsExactly("input", "url");
            r.path("createWebhook.errors[0].code").entity(String.class).isEqualTo("INVALID");
            r.path("createWebhook.secret").valueIsNull();
        }
        HttpGraphQlTester.Response r = admin.document(create).variable("i", Map.of("organizationId", org, "url", "http://127.0.0.1:9/h",
                "eventTypes", List.of(), "filter", Map.of("provinces", List.of("Hà Nội", "Atlantis"), "categories", List.of("COFFEE", "cà phê")))).execute();
        r.path("createWebhook.errors[*].field").entityList(Object.class).hasSize(3);
        r.path("createWebhook.errors[*].code").entityList(String.class).containsExactly("REQUIRED", "INVALID", "INVALID");
        assertThat(count("webhook_endpoint")).isEqualTo(endpoints);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Test
    void forgedExpiredAndMalformedTokensAreUnauthenticated() throws Exception {
        byte[] key = Base64.getDecoder().decode(jwtSecret);
        assertUnauthenticated(jwt(key, Instant.now().minusSeconds(60), "htx-connect"));       // expired
        assertUnauthenticated(jwt("another-secret-another-secret-32b".getBytes(), Instant.now().plusSeconds(600), "htx-connect"));
        assertUnauthenticated(jwt(key, Instant.now().plusSeconds(600), "someone-else"));      // wrong issuer
        assertUnauthenticated("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");                        // alg none
        assertUnauthenticated("htx_" + "a".repeat(8) + "_" + "b".repeat(40));                 // unknown key
        assertUnauthenticated("'; DROP TABLE app_user; --");
    }

    private static String jwt(byte[] key, Instant expires, String issuer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("1").issuer(issuer).issueTime(java.util.Date.from(expires.minusSeconds(3600)))
                .expirationTime(java.util.Date.from(expires)).build());
        jwt.sign(new MACSigner(new SecretKeySpec(key, "HmacSHA256")));
        return jwt.serialize();
    }

    private void assertUnauthenticated(String token) {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/graphql").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").bodyValue("{\"query\":\"{ me { email } }\"}")
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void brokenRequestsAreBadRequestsNotServerErrors() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        for (String body : List.of("{", "[]", "{\"query\": 5}", "{\"query\":\"{ categories { code } }\",\"variables\":\"x\"}",
                "{\"query\":\"query($a: Int) { searchProducts(first: $a) { totalCount } }\",\"variables\":{\"a\":\"lots\"}}")) {
            client.post().uri("/graphql").header("Content-Type", "application/json").bodyValue(body).exchange()
                    .expectStatus().value(s -> assertThat(s).as(body).isLessThan(500));
        }
    }

    @Test
    void injectionStringsInInquiryArgumentsAreAnsweredWithKnownCodes() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String buyer = TestData.createOrganization(anonymous, TestData.unique("Chuỗi hostile "), "RETAIL_CHAIN", "Hà Nội");
        String supplier = TestData.createOrganization(anonymous, TestData.unique("HTX hostile "), "COOPERATIVE", "Cà Mau");
        String conversation = TestData.startInquiry(anonymous, buyer, supplier);
        for (String p : PAYLOADS) {
            Map<String, Object> v = Map.of("p", p, "b", buyer, "s", supplier, "c", conversation);
            assertHandled(admin, """
                    mutation($p: String!, $b: ID!, $s: ID!) { startInquiry(input: {buyerOrganizationId: $b, supplierId: $s,
                      subject: $p, message: $p}) { errors { code } } }""", v);
            assertHandled(admin, """
                    mutation($p: String!, $b: ID!) { startInquiry(input: {buyerOrganizationId: $b, supplierId: $p,
                      subjectId: $p, subject: "x", message: "y"}) { errors { code } } }""", v);
            assertHandled(admin, """
                    mutation($p: String!, $c: ID!, $b: ID!) { sendMessage(input: {conversationId: $c, organizationId: $b, body: $p})
                      { errors { code } } }""", v);
            assertHandled(admin, "mutation($p: ID!) { sendMessage(input: {conversationId: $p, body: \"x\"}) { errors { code } } }", v);
            assertHandled(admin, "query($p: ID!) { conversation(id: $p) { id } }", v);
            assertHandled(admin, "query($p: String, $b: ID!) { conversations(filter: {organizationId: $b}, after: $p) { totalCount } }", v);
            assertHandled(admin, "query($p: String, $c: ID!) { conversation(id: $c) { messages(after: $p) { totalCount } } }", v);
            assertHandled(admin, "query($p: String, $c: ID!) { conversation(id: $c) { messages(last: 2, before: $p) { totalCount } } }", v);
            assertHandled(admin, "mutation($p: ID!, $b: ID!) { blockSender(input: {organizationId: $b, blockedOrganizationId: $p}) { errors { code } } }", v);
        }
    }

    @Test
    void injectionStringsInTradeEventArgumentsAreAnsweredWithKnownCodes() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String org = TestData.createOrganization(anonymous, TestData.unique("HTX hostile "), "COOPERATIVE", "Cà Mau");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String event = admin.document("""
                mutation($i: CreateTradeEventInput!) { createTradeEvent(input: $i) { tradeEvent { id } } }""")
                .variable("i", Map.of("kind", "TRADE_FAIR", "name", "Hội chợ", "province", "Cà Mau", "startsOn", today))
                .execute().path("createTradeEvent.tradeEvent.id").entity(String.class).get();
        int events = count("trade_event");
        for (String p : PAYLOADS) {
            Map<String, Object> v = Map.of("p", p, "e", event, "o", org, "d", today);
            // Always refused (the end is before the start), whatever the text: nothing may be written.
            assertHandled(admin, """
                    mutation($p: String!, $o: ID!) { createTradeEvent(input: {kind: B2B_SESSION, name: $p, description: $p,
                      province: $p, address: $p, startsOn: "2030-01-02", endsOn: "2030-01-01", organiserOrganizationId: $o})
                      { errors { code } } }""", v);
            assertHandled(admin, "mutation($p: ID!, $p2: String) { updateTradeEvent(input: {id: $p, name: $p2}) { errors { code } } }",
                    Map.of("p", p, "p2", p));
            assertHandled(admin, "query($p: String) { tradeEvents(filter: {province: $p}) { totalCount } }", v);
            assertHandled(admin, "query($p: String) { tradeEvents(after: $p) { totalCount } }", v);
            assertHandled(admin, "query($p: ID!) { tradeEvents(filter: {organizationId: $p}) { totalCount } }", v);
            assertHandled(admin, "query($p: ID!) { tradeEvent(id: $p) { id } }", v);
            assertHandled(admin, "query($e: ID!, $p: String) { tradeEvent(id: $e) { participants(after: $p) { totalCount } } }", v);
            assertHandled(admin, """
                    mutation($p: String!, $e: ID!, $o: ID!) { registerForTradeEvent(input: {eventId: $e, organizationId: $o,
                      role: EXHIBITOR, booth: $p, productIds: [$p]}) { errors { code } } }""", v);
            assertHandled(admin, """
                    mutation($p: ID!, $o: ID!) { registerForTradeEvent(input: {eventId: $p, organizationId: $o, role: VISITOR})
                      { errors { code } } }""", v);
            assertHandled(admin, """
                    mutation($p: String!, $e: ID!, $o: ID!) { recordTradeEventLead(input: {eventId: $e, buyerOrganizationId: $p,
                      supplierOrganizationId: $o, productId: $p, note: $p}) { errors { code } } }""", v);
            assertHandled(admin, "mutation($p: String!) { convertLeadToInquiry(input: {leadId: $p, subject: $p, message: $p}) { errors { code } } }", v);
        }
        assertThat(count("trade_event")).isEqualTo(events);
    }

    @Test
    void injectionStringsInQuoteArgumentsAreAnsweredWithKnownCodes() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String buyer = TestData.createOrganization(anonymous, TestData.unique("Chuỗi hostile "), "RETAIL_CHAIN", "Hà Nội");
        String supplier = TestData.createOrganization(anonymous, TestData.unique("HTX hostile "), "COOPERATIVE", "Cà Mau");
        String request = admin.document("""
                mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) { sourcingRequest { id } } }""")
                .variable("i", Map.of("buyerOrganizationId", buyer, "title", "Tôm sú", "category", "AQUATIC", "quantity", 1, "unit", "tấn",
                        "frequency", "MONTHLY", "deliveryProvince", "Hà Nội",
                        "windowFrom", java.time.LocalDate.now().plusDays(3).toString(),
                        "windowTo", java.time.LocalDate.now().plusDays(60).toString()))
                .execute().path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
        String validUntil = java.time.OffsetDateTime.now().plusDays(5).toString();
        for (String p : PAYLOADS) {
            Map<String, Object> v = Map.of("p", p, "r", request, "s", supplier, "b", buyer, "v", validUntil);
            assertHandled(admin, """
                    mutation($p: String!, $r: ID!, $s: ID!, $v: DateTime!) { sendQuote(input: {requestId: $r,
                      supplierOrganizationId: $s, pricePerUnitVnd: 1000, quantity: 1, unit: $p, validUntil: $v,
                      deliveryTerms: $p, note: $p}) { errors { code } } }""", v);
            assertHandled(admin, """
                    mutation($p: ID!, $s: ID!, $v: DateTime!) { sendQuote(input: {requestId: $p, supplierOrganizationId: $s,
                      productId: $p, pricePerUnitVnd: 1000, quantity: 1, unit: "tấn", validUntil: $v}) { errors { code } } }""", v);
            assertHandled(admin, "mutation($p: ID!) { declineQuote(input: {quoteId: $p, reason: $p}) { errors { code } } }", v);
            assertHandled(admin, "query($p: String, $b: ID!) { quotes(filter: {organizationId: $b}, after: $p) { totalCount } }", v);
            assertHandled(admin, "query($p: ID!, $b: ID!) { quotes(filter: {organizationId: $b, requestId: $p}) { totalCount } }", v);
        }
        // Units never match the request's (tấn): no payload made a quote.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quote WHERE request_id = ?", Integer.class,
                vn.htxconnect.platform.GlobalId.decode("id", request).id())).isZero();
    }

    @Test
    void injectionStringsInNotificationArgumentsAreAnsweredWithKnownCodes() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String org = TestData.createOrganization(anonymous, TestData.unique("HTX hostile "), "COOPERATIVE", "Cà Mau");
        for (String p : PAYLOADS) {
            Map<String, Object> v = Map.of("p", p, "o", org);
            assertHandled(admin, "query($p: ID!) { notifications(organizationId: $p) { totalCount } }", v);
            assertHandled(admin, "query($p: String, $o: ID!) { notifications(organizationId: $o, after: $p) { totalCount } }", v);
            assertHandled(admin, "query($p: ID!) { node(id: $p) { id } }", v);
            assertHandled(admin, "mutation($p: ID!) { markNotificationsRead(input: {organizationId: $p}) { errors { code } } }", v);
            assertHandled(admin, "mutation($p: ID!, $o: ID!) { markNotificationsRead(input: {organizationId: $o, ids: [$p]}) { errors { code } } }", v);
        }
    }

    @Test
    void injectionStringsInSupplyEventArgumentsAreAnsweredWithKnownCodes() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String supplier = TestData.createOrganization(anonymous, TestData.unique("HTX hostile "), "COOPERATIVE", "Cà Mau");
        String customer = TestData.createOrganization(anonymous, TestData.unique("Chuỗi hostile "), "RETAIL_CHAIN", "Hà Nội");
        String linkage = admin.document("""
                        mutation($s: ID!, $c: ID!) { proposeSupplyLinkage(input: {supplierOrganizationId: $s, customerOrganizationId: $c,
                          category: "COFFEE", volumePerPeriod: 1, unit: "tấn", period: MONTHLY}) { linkage { id } } }""")
                .variable("s", supplier).variable("c", customer).execute()
                .path("proposeSupplyLinkage.linkage.id").entity(String.class).get();
        for (String side : List.of(supplier, customer)) {
            admin.document("mutation($i: SupplyLinkageActionInput!) { confirmSupplyLinkage(input: $i) { errors { code } } }")
                    .variable("i", Map.of("id", linkage, "actingOrganizationId", side)).execute();
        }
        String at = java.time.OffsetDateTime.now().minusDays(1).toString();
        for (String p : PAYLOADS) {
            Map<String, Object> v = Map.of("p", p, "l", linkage, "o", customer, "t", at);
            assertHandled(admin, """
                    mutation($p: String!, $l: ID!, $t: DateTime!) { recordShipment(input: {linkageId: $l, quantity: 1, unit: "tấn",
                      lotNumber: $p, occurredAt: $t, place: $p, province: $p, note: $p}) { errors { code } } }""", v);
            assertHandled(admin, """
                    mutation($p: String!, $l: ID!, $t: DateTime!) { recordReceipt(input: {linkageId: $l, quantity: 1, unit: $p,
                      lotNumber: "L1", occurredAt: $t}) { errors { code } } }""", v);
            assertHandled(admin, """
                    mutation($p: ID!, $t: DateTime!) { recordReceipt(input: {linkageId: $p, quantity: 1, unit: "kg",
                      lotNumber: "L1", occurredAt: $t}) { errors { code } } }""", v);
            assertHandled(admin, """
                    mutation($p: DateTime!, $l: ID!) { recordShipment(input: {linkageId: $l, quantity: 1, unit: "kg",
                      lotNumber: "L1", occurredAt: $p}) { errors { code } } }""", v);
            assertHandled(admin, """
                    mutation($p: String!, $o: ID!, $t: DateTime!) { recordTransformation(input: {organizationId: $o, occurredAt: $t,
                      inputs: [{lotNumber: $p, quantity: 1, unit: $p}], outputs: [{lotNumber: $p, quantity: 1, unit: "kg", productId: $p}]})
                      { errors { code } } }""", v);
            assertHandled(admin, "mutation($p: ID!) { correctSupplyEvent(input: {eventId: $p, note: \"x\"}) { errors { code } } }", v);
            assertHandled(admin, "query($p: String!, $o: ID!) { traceLot(organizationId: $o, lotNumber: $p) { nodes { lotNumber } } }", v);
            assertHandled(admin, "query($p: ID!) { traceLot(organizationId: $p, lotNumber: \"L1\") { truncated } }", v);
            assertHandled(admin, "query($p: String, $l: ID!) { supplyLinkage(id: $l) { events(after: $p) { totalCount } } }", v);
        }
    }
}
