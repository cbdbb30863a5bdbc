package vn.htxconnect.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.htxconnect.support.IntegrationTest;
import vn.htxconnect.support.TestData;

/** Sign-up, sign-in, throttling, invitations, roles and API keys, through the public API. */
@IntegrationTest
class AccountFlowTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    static final String REGISTER = """
            mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) {
              organization { id verificationStatus } user { email memberships { role organization { name } } }
              token errors { field code } } }""";

    Map<String, Object> registration(String email, String orgName) {
        return Map.of("organization", Map.of("kind", "COOPERATIVE", "name", orgName, "province", "Đắk Lắk"),
                "owner", Map.of("email", email, "name", "Nguyễn Văn A", "password", "mat-khau-du-dai"));
    }

    @Test
    void signUpCreatesAnUnverifiedCooperativeWithItsOwnerSignedIn() {
        String email = TestData.unique("owner") + "@htx.vn";
        String orgName = TestData.unique("HTX Ea Kar ");
        HttpGraphQlTester.Response r = anonymous.document(REGISTER).variable("input", registration(email, orgName)).execute();
        r.path("registerOrganization.errors").entityList(Object.class).hasSize(0);
        r.path("registerOrganization.organization.verificationStatus").entity(String.class).isEqualTo("UNVERIFIED");
        r.path("registerOrganization.user.memberships[0].role").entity(String.class).isEqualTo("OWNER");
        String token = r.path("registerOrganization.token").entity(String.class).get();
        TestData.bearer(anonymous, token).document("{ me { email memberships { organization { name } } } }").execute()
                .path("me.email").entity(String.class).isEqualTo(email)
                .path("me.memberships[0].organization.name").entity(String.class).isEqualTo(orgName);

        // The same e-mail again: refused, and no second organization is created.
        int orgs = jdbc.queryForObject("SELECT COUNT(*) FROM organization", Integer.class);
        anonymous.document(REGISTER).variable("input", registration(email.toUpperCase(), orgName + " 2")).execute()
                .path("registerOrganization.errors[0].field").entityList(String.class).containsExactly("input", "owner", "email")
                .path("registerOrganization.errors[0].code").entity(String.class).isEqualTo("DUPLICATE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organization", Integer.class)).isEqualTo(orgs);
    }

    @Test
    void signUpErrorsInTheOrganizationNameTheNestedFieldAndWriteNothing() {
        int users = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class);
        Map<String, Object> input = Map.of(
                "organization", Map.of("kind", "COOPERATIVE", "name", "HTX", "province", "Atlantis"),
                "owner", Map.of("email", TestData.unique("x") + "@htx.vn", "name", "A", "password", "short"));
        anonymous.document(REGISTER).variable("input", input).execute()
                .path("registerOrganization.errors[*].field[1]").entityList(String.class).contains("owner");
        Map<String, Object> input2 = Map.of(
                "organization", Map.of("kind", "COOPERATIVE", "name", "HTX", "province", "Atlantis"),
                "owner", Map.of("email", TestData.unique("x") + "@htx.vn", "name", "A", "password", "long-enough-pw"));
        anonymous.document(REGISTER).variable("input", input2).execute()
                .path("registerOrganization.errors[0].field").entityList(String.class)
                .containsExactly("input", "organization", "province");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isEqualTo(users);
    }

    @Test
    void wrongPasswordsAreThrottledPerAccount() {
        String email = TestData.unique("thr") + "@htx.vn";
        anonymous.document(REGISTER).variable("input", registration(email, TestData.unique("HTX T "))).execute()
                .path("registerOrganization.errors").entityList(Object.class).hasSize(0);
        String login = "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token errors { code } } }";
        for (int i = 0; i < 5; i++) {
            anonymous.document(login).variable("e", email).variable("p", "wrong-password").execute()
                    .path("login.token").valueIsNull()
                    .path("login.errors[0].code").entity(String.class).isEqualTo("INVALID");
        }
        // Even the right password is refused now, with RATE_LIMITED.
        anonymous.document(login).variable("e", email).variable("p", "mat-khau-du-dai").execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("code"))
                        .containsExactly("RATE_LIMITED"));
    }

    @Test
    void ownerInvitesAMemberWhoAcceptsAndCanManageProducts() {
        String ownerEmail = TestData.unique("own") + "@htx.vn";
        String token = anonymous.document(REGISTER).variable("input", registration(ownerEmail, TestData.unique("HTX M ")))
                .execute().path("registerOrganization.token").entity(String.class).get();
        HttpGraphQlTester owner = TestData.bearer(anonymous, token);
        String orgId = owner.document("{ me { memberships { organization { id } } } }").execute()
                .path("me.memberships[0].organization.id").entity(String.class).get();
        String memberEmail = TestData.unique("mem") + "@htx.vn";
        String invitation = owner.document("mutation($o: ID!, $e: String!) { inviteMember(input: {organizationId: $o, email: $e}) { invitationToken errors { code } } }")
                .variable("o", orgId).variable("e", memberEmail).execute()
                .path("inviteMember.invitationToken").entity(String.class).get();
        String memberToken = anonymous.document("mutation($t: String!) { acceptInvitation(input: {token: $t, name: \"Trần Thị B\", password: \"mat-khau-thanh-vien\"}) { token user { email } errors { code } } }")
                .variable("t", invitation).execute()
                .path("acceptInvitation.user.email").entity(String.class).isEqualTo(memberEmail)
                .path("acceptInvitation.token").entity(String.class).get();
        HttpGraphQlTester member = TestData.bearer(anonymous, memberToken);
        member.document("mutation($o: ID!) { createProduct(input: {organizationId: $o, name: \"Cà phê hạt\", category: \"COFFEE\", unit: \"kg\"}) { product { id } errors { code } } }")
                .variable("o", orgId).execute().path("createProduct.errors").entityList(Object.class).hasSize(0);
        // A member may not invite (owners only), and the token cannot be used twice.
        member.document("mutation($o: ID!) { inviteMember(input: {organizationId: $o, email: \"x@y.vn\"}) { errors { code } } }")
                .variable("o", orgId).execute().errors().satisfy(errors ->
                        assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsExactly("FORBIDDEN"));
        anonymous.document("mutation($t: String!) { acceptInvitation(input: {token: $t, name: \"X\", password: \"mat-khau-thanh-vien\"}) { errors { code } } }")
                .variable("t", invitation).execute().path("acceptInvitation.errors[0].code").entity(String.class).isEqualTo("INVALID");
    }

    @Test
    void apiKeysAreShownOnceScopedAndRevocable() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        HttpGraphQlTester.Response created = admin.document("""
                mutation { createApiKey(input: {name: "Liên minh HTX tỉnh", scopes: ["catalog:read", "insight:read"]}) {
                  apiKey { id prefix scopes active } secret errors { code } } }""").execute();
        String secret = created.path("createApiKey.secret").entity(String.class).get();
        String keyId = created.path("createApiKey.apiKey.id").entity(String.class).get();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE secret_hash LIKE ?", Integer.class, "%" + secret + "%"))
                .as("the secret is stored only as a digest").isZero();
        HttpGraphQlTester partner = TestData.bearer(anonymous, secret);
        partner.document("{ searchProducts(query: \"gạo\") { totalCount } }").execute()
                .path("searchProducts.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isNotNegative());
        // A key is not a user: it cannot write.
        partner.document("mutation { createOrganization(input: {kind: COOPERATIVE, name: \"X\", province: \"01\"}) { errors { code } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("code"))
                        .containsExactly("FORBIDDEN"));
        admin.document("mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { active revokedAt } } }")
                .variable("id", keyId).execute().path("revokeApiKey.apiKey.active").entity(Boolean.class).isEqualTo(false);
        assertUnauthenticated("Bearer " + secret);
    }

    @Test
    void badTokensAreUnauthenticatedNotServerErrors() {
        assertUnauthenticated("Bearer not-a-jwt");
        assertUnauthenticated("Bearer htx_nope_nope");
        assertUnauthenticated("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxMDAwMDAwMDAwLCJpc3MiOiJodHgtY29ubmVjdCJ9.c2lnbmF0dXJl");
    }

    private void assertUnauthenticated(String authorization) {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/graphql").header("Authorization", authorization)
                .header("Content-Type", "application/json").bodyValue("{\"query\":\"{ me { email } }\"}")
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void alliancePermissionsComeFromTheRole() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String email = TestData.unique("ana") + "@lienminh.vn";
        String token = anonymous.document(REGISTER).variable("input", registration(email, TestData.unique("HTX R ")))
                .execute().path("registerOrganization.token").entity(String.class).get();
        String userId = TestData.bearer(anonymous, token).document("{ me { id } }").execute().path("me.id").entity(String.class).get();
        HttpGraphQlTester analyst = TestData.bearer(anonymous, token);
        List<ResponseError>[] before = new List[1];
        analyst.document("{ auditLog(first: 1) { totalCount } }").execute().errors().satisfy(e -> before[0] = e);
        assertThat(before[0]).extracting(e -> e.getExtensions().get("code")).containsExactly("FORBIDDEN");
        admin.document("mutation($u: ID!) { grantPlatformRole(input: {userId: $u, role: ALLIANCE_ANALYST}) { user { platformRole } } }")
                .variable("u", userId).execute().path("grantPlatformRole.user.platformRole").entity(String.class).isEqualTo("ALLIANCE_ANALYST");
        // The role applies at once, on the same token.
        analyst.document("{ auditLog(first: 5, filter: {operation: \"grantPlatformRole\"}) { totalCount edges { node { actor outcome } } } }")
                .execute().path("auditLog.edges[0].node.outcome").entity(String.class).isEqualTo("OK");
    }
}
