package vn.htxconnect.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.account.AccountFixtures.assertUnauthenticated;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Partner API keys: shown once, stored as a digest, read-only, revocable. */
@IntegrationTest
class ApiKeyTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

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
        assertUnauthenticated(port, "Bearer " + secret);
    }
}
