package vn.htxconnect.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.account.AccountFixtures.REGISTER;
import static vn.htxconnect.account.AccountFixtures.assertUnauthenticated;
import static vn.htxconnect.account.AccountFixtures.registration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Signing in and bearer tokens: failed sign-ins are throttled per account; bad tokens are refused, not errors. */
@IntegrationTest
class SignInTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @LocalServerPort
    int port;

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
    void badTokensAreUnauthenticatedNotServerErrors() {
        assertUnauthenticated(port, "Bearer not-a-jwt");
        assertUnauthenticated(port, "Bearer htx_nope_nope");
        assertUnauthenticated(port, "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxMDAwMDAwMDAwLCJpc3MiOiJodHgtY29ubmVjdCJ9.c2lnbmF0dXJl");
    }
}
