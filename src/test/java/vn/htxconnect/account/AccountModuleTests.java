package vn.htxconnect.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.account.AccountFixtures.REGISTER;
import static vn.htxconnect.account.AccountFixtures.registration;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

import vn.htxconnect.testing.TestData;
import vn.htxconnect.testing.TestServices;

/**
 * The account module started with what it depends on (organization, and through it platform and region),
 * against the real database and over HTTP: sign-up, sign-in and the signed-in user work without the
 * catalogue, search or any other module. Organization needs region, which account does not use itself, so
 * direct dependencies alone cannot start; all dependencies are the smallest set that does.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("test")
@Import(TestServices.class)
class AccountModuleTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    ApplicationContext context;

    @Test
    void startsWithOnlyOrganizationPlatformAndRegion() {
        Set<String> modules = Arrays.stream(context.getBeanDefinitionNames()).map(context::getType).filter(Objects::nonNull)
                .map(Class::getPackageName).filter(p -> p.startsWith("vn.htxconnect."))
                .map(p -> p.split("\\.")[2]).collect(Collectors.toSet());
        assertThat(modules).contains("account", "organization", "platform", "region").doesNotContain("catalog", "search",
                "sourcing", "linkage", "insight", "notification");
    }

    @Test
    void signUpThenSignInAndAskWhoIAm() {
        String email = TestData.unique("mod") + "@htx.vn";
        String orgName = TestData.unique("HTX Krông Pắc ");
        anonymous.document(REGISTER).variable("input", registration(email, orgName)).execute()
                .path("registerOrganization.errors").entityList(Object.class).hasSize(0)
                .path("registerOrganization.user.memberships[0].role").entity(String.class).isEqualTo("OWNER");
        String token = anonymous.document("mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token errors { code } } }")
                .variable("e", email).variable("p", "mat-khau-du-dai").execute()
                .path("login.errors").entityList(Object.class).hasSize(0)
                .path("login.token").entity(String.class).get();
        TestData.bearer(anonymous, token).document("{ me { email memberships { organization { name } } } }").execute()
                .path("me.email").entity(String.class).isEqualTo(email)
                .path("me.memberships[0].organization.name").entity(String.class).isEqualTo(orgName);
    }
}
