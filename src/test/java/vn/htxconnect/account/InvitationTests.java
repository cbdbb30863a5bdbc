package vn.htxconnect.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.account.AccountFixtures.REGISTER;
import static vn.htxconnect.account.AccountFixtures.registration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Members join an organization by an owner's invitation, which works once. */
@IntegrationTest
class InvitationTests {

    @Autowired
    HttpGraphQlTester anonymous;

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
}
