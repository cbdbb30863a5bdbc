package vn.htxconnect.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.account.AccountFixtures.assertUnauthenticated;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/**
 * Checked bearer tokens are cached for a few seconds (the rest of the suite runs without the cache): a repeated
 * request skips the sign-in's SQL, and a change to the user's roles or a revoked key still applies at once.
 */
@IntegrationTest
@TestPropertySource(properties = "htx.security.credential-cache-ttl=5s")
class CredentialCacheTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    SqlStatementCounter sql;
    @LocalServerPort
    int port;

    @Test
    void aRepeatedRequestSkipsTheSignInsSqlAndARoleChangeAppliesAtOnce() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        String email = TestData.unique("cache") + "@lienminh.vn";
        String token = anonymous.document(AccountFixtures.REGISTER)
                .variable("input", AccountFixtures.registration(email, TestData.unique("HTX C "))).execute()
                .path("registerOrganization.token").entity(String.class).get();
        HttpGraphQlTester user = TestData.bearer(anonymous, token);
        String userId = user.document("{ me { id } }").execute().path("me.id").entity(String.class).get();

        sql.reset();
        user.document("{ searchProducts(query: \"gạo\", first: 1) { totalCount } }").execute()
                .path("searchProducts.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isNotNegative());
        List<String> statements = sql.statements();
        assertThat(statements).as("the token was checked moments ago").noneMatch(s -> s.contains("app_user") || s.contains("membership"));

        user.document("{ auditLog(first: 1) { totalCount } }").execute().errors()
                .satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("FORBIDDEN"));
        admin.document("mutation($u: ID!) { grantPlatformRole(input: {userId: $u, role: ALLIANCE_ANALYST}) { user { platformRole } } }")
                .variable("u", userId).execute().path("grantPlatformRole.user.platformRole").entity(String.class)
                .isEqualTo("ALLIANCE_ANALYST");
        // The cached check of this token is forgotten with the change: the role applies on the next request.
        user.document("{ auditLog(first: 1) { totalCount } }").execute().path("auditLog.totalCount").entity(Integer.class)
                .satisfies(n -> assertThat(n).isNotNegative());
        admin.document("mutation($u: ID!) { grantPlatformRole(input: {userId: $u, role: null}) { user { platformRole } } }")
                .variable("u", userId).execute().path("grantPlatformRole.user.platformRole").valueIsNull();
        user.document("{ auditLog(first: 1) { totalCount } }").execute().errors()
                .satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("FORBIDDEN"));
    }

    @Test
    void aRevokedKeyIsRefusedOnTheNextRequest() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        HttpGraphQlTester.Response created = admin.document("""
                mutation { createApiKey(input: {name: "Sở Nông nghiệp", scopes: ["catalog:read"]}) { apiKey { id } secret } }""")
                .execute();
        String secret = created.path("createApiKey.secret").entity(String.class).get();
        String keyId = created.path("createApiKey.apiKey.id").entity(String.class).get();
        HttpGraphQlTester partner = TestData.bearer(anonymous, secret);
        for (int i = 0; i < 2; i++) {
            partner.document("{ searchProducts(query: \"gạo\", first: 1) { totalCount } }").execute()
                    .path("searchProducts.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isNotNegative());
        }
        admin.document("mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { active } } }")
                .variable("id", keyId).execute().path("revokeApiKey.apiKey.active").entity(Boolean.class).isEqualTo(false);
        assertUnauthenticated(port, "Bearer " + secret);
    }

    @Test
    void signingOutEverywhereForgetsTheUsersCachedTokensAtOnce() {
        String email = TestData.unique("cacheout") + "@htx.vn";
        anonymous.document(AccountFixtures.REGISTER)
                .variable("input", AccountFixtures.registration(email, TestData.unique("HTX O "))).execute()
                .path("registerOrganization.errors").entityList(Object.class).hasSize(0);
        String cached = TestData.login(anonymous, email, "mat-khau-du-dai");
        String other = TestData.login(anonymous, email, "mat-khau-du-dai");
        TestData.bearer(anonymous, cached).document("{ me { email } }").execute().path("me.email").entity(String.class).isEqualTo(email);
        TestData.bearer(anonymous, other).document("mutation { signOutEverywhere(input: {}) { errors { code } } }").execute()
                .path("signOutEverywhere.errors").entityList(Object.class).hasSize(0);
        // Checked and cached moments ago, and still refused now rather than after the 5 s.
        assertUnauthenticated(port, "Bearer " + cached);
        assertUnauthenticated(port, "Bearer " + other);
    }
}
