package vn.htxconnect.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.account.AccountFixtures.REGISTER;
import static vn.htxconnect.account.AccountFixtures.registration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;
import vn.htxconnect.testing.TestMail;

/**
 * Owners remove members and change their roles, members leave, ownership is handed over, and an organization
 * never ends up without an owner, not even when two owners leave at the same moment.
 */
@IntegrationTest
class MembershipLifecycleTests {

    private static final String REMOVE = """
            mutation($o: ID!, $u: ID!) { removeMember(input: {organizationId: $o, userId: $u}) {
              user { id } errors { field code message } } }""";
    private static final String CHANGE_ROLE = """
            mutation($o: ID!, $u: ID!, $r: OrgRole!) { changeMemberRole(input: {organizationId: $o, userId: $u, role: $r}) {
              user { memberships { role organization { id } } } errors { field code message } } }""";
    private static final String LEAVE = """
            mutation($o: ID!) { leaveOrganization(input: {organizationId: $o}) { user { id } errors { field code message } } }""";
    private static final String TRANSFER = """
            mutation($o: ID!, $u: ID!) { transferOwnership(input: {organizationId: $o, newOwnerId: $u}) {
              user { id } organization { id } errors { field code message } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;

    record Person(String id, String email, HttpGraphQlTester as) {
    }

    record Org(String id, Person owner) {
    }

    private Org newOrg() {
        String email = TestData.unique("own") + "@htx.vn";
        String token = anonymous.document(REGISTER).variable("input", registration(email, TestData.unique("HTX L ")))
                .execute().path("registerOrganization.token").entity(String.class).get();
        HttpGraphQlTester owner = TestData.bearer(anonymous, token);
        String orgId = owner.document("{ me { memberships { organization { id } } } }").execute()
                .path("me.memberships[0].organization.id").entity(String.class).get();
        return new Org(orgId, new Person(idOf(owner), email, owner));
    }

    private String idOf(HttpGraphQlTester who) {
        return who.document("{ me { id } }").execute().path("me.id").entity(String.class).get();
    }

    /** Someone invited by the owner with the role, who accepts. */
    private Person join(Org org, String role) {
        String email = TestData.unique("mem") + "@htx.vn";
        String invitation = org.owner().as().document("""
                        mutation($o: ID!, $e: String!, $r: OrgRole) { inviteMember(input: {organizationId: $o, email: $e, role: $r}) {
                          invitationToken errors { code } } }""")
                .variable("o", org.id()).variable("e", email).variable("r", role).execute()
                .path("inviteMember.invitationToken").entity(String.class).get();
        String token = anonymous.document("mutation($t: String!) { acceptInvitation(input: {token: $t, name: \"Lê Văn C\", password: \"mat-khau-thanh-vien\"}) { token } }")
                .variable("t", invitation).execute().path("acceptInvitation.token").entity(String.class).get();
        HttpGraphQlTester as = TestData.bearer(anonymous, token);
        return new Person(idOf(as), email, as);
    }

    private String roleIn(Org org, Person p) {
        List<String> roles = jdbc.queryForList("SELECT role FROM membership WHERE organization_id = ? AND user_id = ?",
                String.class, GlobalId.decode("id", org.id()).id(), GlobalId.decode("id", p.id()).id());
        return roles.isEmpty() ? null : roles.getFirst();
    }

    private static void expectCodes(HttpGraphQlTester.Response r, String code) {
        r.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsExactly(code));
    }

    @Test
    void anOwnerRemovesAMemberWhoLosesAccessAtOnce() {
        Org org = newOrg();
        Person member = join(org, "MEMBER");
        member.as().document("mutation($o: ID!) { createProduct(input: {organizationId: $o, name: \"Gạo ST25\", category: \"RICE\", unit: \"kg\"}) { errors { code } } }")
                .variable("o", org.id()).execute().path("createProduct.errors").entityList(Object.class).hasSize(0);

        org.owner().as().document(REMOVE).variable("o", org.id()).variable("u", member.id()).execute()
                .path("removeMember.errors").entityList(Object.class).hasSize(0)
                .path("removeMember.user.id").entity(String.class).isEqualTo(member.id());

        assertThat(roleIn(org, member)).isNull();
        expectCodes(member.as().document("mutation($o: ID!) { createProduct(input: {organizationId: $o, name: \"Gạo\", category: \"RICE\", unit: \"kg\"}) { errors { code } } }")
                .variable("o", org.id()).execute(), "FORBIDDEN");
        member.as().document("{ me { memberships { role } } }").execute().path("me.memberships").entityList(Object.class).hasSize(0);
    }

    @Test
    void theLastOwnerCannotLeaveBeRemovedOrBeMadeAMember() {
        Org org = newOrg();
        Person member = join(org, "MEMBER");
        HttpGraphQlTester owner = org.owner().as();
        owner.document(LEAVE).variable("o", org.id()).execute()
                .path("leaveOrganization.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
                .path("leaveOrganization.errors[0].field").entityList(String.class).containsExactly("input", "organizationId")
                .path("leaveOrganization.user").valueIsNull();
        owner.document(REMOVE).variable("o", org.id()).variable("u", org.owner().id()).execute()
                .path("removeMember.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        owner.document(CHANGE_ROLE).variable("o", org.id()).variable("u", org.owner().id()).variable("r", "MEMBER").execute()
                .path("changeMemberRole.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
                .path("changeMemberRole.errors[0].field").entityList(String.class).containsExactly("input", "role");
        assertThat(roleIn(org, org.owner())).isEqualTo("OWNER");

        // With a second owner, the first may step down, and then leave.
        owner.document(CHANGE_ROLE).variable("o", org.id()).variable("u", member.id()).variable("r", "OWNER").execute()
                .path("changeMemberRole.errors").entityList(Object.class).hasSize(0)
                .path("changeMemberRole.user.memberships[0].role").entity(String.class).isEqualTo("OWNER");
        owner.document(CHANGE_ROLE).variable("o", org.id()).variable("u", org.owner().id()).variable("r", "MEMBER").execute()
                .path("changeMemberRole.errors").entityList(Object.class).hasSize(0);
        expectCodes(owner.document(REMOVE).variable("o", org.id()).variable("u", member.id()).execute(), "FORBIDDEN");
        owner.document(LEAVE).variable("o", org.id()).execute().path("leaveOrganization.errors").entityList(Object.class).hasSize(0);
        assertThat(roleIn(org, org.owner())).isNull();
        assertThat(roleIn(org, member)).isEqualTo("OWNER");
    }

    @Test
    void aMemberLeaves() {
        Org org = newOrg();
        Person member = join(org, "MEMBER");
        member.as().document(LEAVE).variable("o", org.id()).execute()
                .path("leaveOrganization.errors").entityList(Object.class).hasSize(0)
                .path("leaveOrganization.user.id").entity(String.class).isEqualTo(member.id());
        assertThat(roleIn(org, member)).isNull();
        // Gone: leaving again is not allowed (no longer a member).
        expectCodes(member.as().document(LEAVE).variable("o", org.id()).execute(), "FORBIDDEN");
    }

    @Test
    void ownershipIsHandedToAMemberAndTheOldOwnerBecomesAMember() {
        Org org = newOrg();
        Person member = join(org, "MEMBER");
        org.owner().as().document(TRANSFER).variable("o", org.id()).variable("u", member.id()).execute()
                .path("transferOwnership.errors").entityList(Object.class).hasSize(0)
                .path("transferOwnership.user.id").entity(String.class).isEqualTo(member.id())
                .path("transferOwnership.organization.id").entity(String.class).isEqualTo(org.id());
        assertThat(roleIn(org, member)).isEqualTo("OWNER");
        assertThat(roleIn(org, org.owner())).isEqualTo("MEMBER");
        // At once: the old owner may no longer invite, the new one may.
        expectCodes(org.owner().as().document("mutation($o: ID!) { inviteMember(input: {organizationId: $o, email: \"x@htx.vn\"}) { errors { code } } }")
                .variable("o", org.id()).execute(), "FORBIDDEN");
        member.as().document("mutation($o: ID!, $e: String!) { inviteMember(input: {organizationId: $o, email: $e}) { errors { code } } }")
                .variable("o", org.id()).variable("e", TestData.unique("x") + "@htx.vn").execute()
                .path("inviteMember.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void hostileMembershipInputsAreRefusedNamingTheFieldAndWriteNothing() {
        Org org = newOrg();
        Person member = join(org, "MEMBER");
        Org other = newOrg();
        Person stranger = join(other, "MEMBER");
        HttpGraphQlTester owner = org.owner().as();

        // Another organization's member: not found here, and their membership there untouched.
        owner.document(REMOVE).variable("o", org.id()).variable("u", stranger.id()).execute()
                .path("removeMember.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("removeMember.errors[0].field").entityList(String.class).containsExactly("input", "userId");
        owner.document(TRANSFER).variable("o", org.id()).variable("u", stranger.id()).execute()
                .path("transferOwnership.errors[0].field").entityList(String.class).containsExactly("input", "newOwnerId");
        assertThat(roleIn(other, stranger)).isEqualTo("MEMBER");
        assertThat(roleIn(org, org.owner())).isEqualTo("OWNER");
        // The owner of one organization cannot remove members of another.
        expectCodes(owner.document(REMOVE).variable("o", other.id()).variable("u", stranger.id()).execute(), "FORBIDDEN");
        // A member is no owner.
        expectCodes(member.as().document(REMOVE).variable("o", org.id()).variable("u", org.owner().id()).execute(), "FORBIDDEN");
        expectCodes(member.as().document(TRANSFER).variable("o", org.id()).variable("u", member.id()).execute(), "FORBIDDEN");

        // Malformed IDs: an organization's ID where a user's goes, empty, oversized.
        for (String bad : List.of(org.id(), "", "x".repeat(300))) {
            owner.document(REMOVE).variable("o", org.id()).variable("u", bad).execute().errors().satisfy(errors -> {
                assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsExactly("BAD_REQUEST");
                assertThat(errors).extracting(e -> e.getExtensions().get("field")).containsExactly("input.userId");
            });
        }
        owner.document(LEAVE).variable("o", member.id()).execute().errors().satisfy(errors ->
                assertThat(errors).extracting(e -> e.getExtensions().get("field")).containsExactly("input.organizationId"));
        assertThat(roleIn(org, member)).isEqualTo("MEMBER");
        assertThat(roleIn(org, org.owner())).isEqualTo("OWNER");
    }

    /** Two owners leaving at the same moment: one goes, the other is told the organization needs an owner. */
    @Test
    void twoOwnersLeavingAtOnceLeaveOneOwner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                Org org = newOrg();
                Person second = join(org, "OWNER");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Map<String, Object>>>> results = new ArrayList<>();
                for (Person p : List.of(org.owner(), second)) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return p.as().document(LEAVE).variable("o", org.id()).execute()
                                .path("leaveOrganization.errors").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                                .get();
                    }));
                }
                start.countDown();
                List<List<Map<String, Object>>> errors = new ArrayList<>();
                for (Future<List<Map<String, Object>>> f : results) {
                    errors.add(f.get());
                }
                assertThat(errors).as("round " + round).filteredOn(List::isEmpty).hasSize(1);
                assertThat(errors).filteredOn(e -> !e.isEmpty()).singleElement()
                        .satisfies(e -> assertThat(e.getFirst().get("code")).isEqualTo("CONFLICT"));
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM membership WHERE organization_id = ? AND role = 'OWNER'",
                        Integer.class, GlobalId.decode("id", org.id()).id())).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInvitationIsMailedInTheInviteesLanguageWithItsToken() throws Exception {
        Org org = newOrg();
        // A newcomer: the inviter's language (Vietnamese here).
        String newcomer = TestData.unique("moi") + "@htx.vn";
        String token = org.owner().as().document("mutation($o: ID!, $e: String!) { inviteMember(input: {organizationId: $o, email: $e}) { invitationToken } }")
                .variable("o", org.id()).variable("e", newcomer).execute()
                .path("inviteMember.invitationToken").entity(String.class).get();
        MimeMessage mail = TestMail.await(newcomer, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(mail.getSubject()).startsWith("Lời mời tham gia HTX L ");
        assertThat(TestMail.body(mail)).contains(token).contains("/invitations/accept?token=" + token)
                .contains("thành viên").contains("Nguyễn Văn A");

        // Someone with an English account: in English.
        String english = TestData.unique("en") + "@buyer.vn";
        anonymous.document(REGISTER).variable("input", Map.of(
                        "organization", Map.of("kind", "RETAIL_CHAIN", "name", TestData.unique("Chain "), "province", "Hà Nội"),
                        "owner", Map.of("email", english, "name", "Jane", "password", "mat-khau-du-dai", "preferredLanguage", "en")))
                .execute().path("registerOrganization.errors").entityList(Object.class).hasSize(0);
        org.owner().as().document("mutation($o: ID!, $e: String!) { inviteMember(input: {organizationId: $o, email: $e, role: OWNER}) { invitationToken } }")
                .variable("o", org.id()).variable("e", english).execute().path("inviteMember.invitationToken").hasValue();
        MimeMessage en = TestMail.await(english, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(en.getSubject()).startsWith("Invitation to join HTX L ");
        assertThat(TestMail.body(en)).contains("as owner");
    }
}
