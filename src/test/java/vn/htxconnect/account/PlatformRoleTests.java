package vn.htxconnect.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.account.AccountFixtures.REGISTER;
import static vn.htxconnect.account.AccountFixtures.registration;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Platform roles (the Alliance's analysts) are granted by admins and apply at once. */
@IntegrationTest
class PlatformRoleTests {

    @Autowired
    HttpGraphQlTester anonymous;

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
