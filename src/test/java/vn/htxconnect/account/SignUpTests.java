package vn.htxconnect.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.account.AccountFixtures.REGISTER;
import static vn.htxconnect.account.AccountFixtures.registration;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Signing up: a cooperative and its owner at once, refused whole when any part is wrong. */
@IntegrationTest
class SignUpTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;

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
}
