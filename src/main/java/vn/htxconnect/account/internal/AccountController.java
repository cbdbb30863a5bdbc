package vn.htxconnect.account.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.account.AccountInputs;
import vn.htxconnect.account.ApiKey;
import vn.htxconnect.account.User;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;

@Controller
class AccountController {

    private final AccountManagement accounts;
    private final AccountLifecycle lifecycle;
    private final ApiKeyManagement keys;
    private final OrganizationService organizations;

    AccountController(AccountManagement accounts, AccountLifecycle lifecycle, ApiKeyManagement keys,
                      OrganizationService organizations) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.keys = keys;
        this.organizations = organizations;
    }

    @QueryMapping
    User me() {
        return accounts.me();
    }

    @MutationMapping
    AccountInputs.RegisterOrganizationPayload registerOrganization(@Argument AccountInputs.RegisterOrganizationInput input) {
        return accounts.register(input);
    }

    @MutationMapping
    AccountInputs.LoginPayload login(@Argument AccountInputs.LoginInput input,
                                     @ContextValue(name = "clientAddress", required = false) String address) {
        return accounts.login(input, address);
    }

    @MutationMapping
    AccountInputs.InviteMemberPayload inviteMember(@Argument AccountInputs.InviteMemberInput input) {
        return accounts.invite(input);
    }

    @MutationMapping
    AccountInputs.UserPayload acceptInvitation(@Argument AccountInputs.AcceptInvitationInput input) {
        return accounts.accept(input);
    }

    @MutationMapping
    AccountInputs.UserPayload grantPlatformRole(@Argument AccountInputs.GrantPlatformRoleInput input) {
        return accounts.grant(input);
    }

    @MutationMapping
    AccountInputs.MemberPayload removeMember(@Argument AccountInputs.RemoveMemberInput input) {
        return lifecycle.removeMember(input);
    }

    @MutationMapping
    AccountInputs.MemberPayload changeMemberRole(@Argument AccountInputs.ChangeMemberRoleInput input) {
        return lifecycle.changeMemberRole(input);
    }

    @MutationMapping
    AccountInputs.MemberPayload leaveOrganization(@Argument AccountInputs.LeaveOrganizationInput input) {
        return lifecycle.leave(input);
    }

    @MutationMapping
    AccountInputs.MemberPayload transferOwnership(@Argument AccountInputs.TransferOwnershipInput input) {
        return lifecycle.transferOwnership(input);
    }

    @MutationMapping
    AccountInputs.UserPayload changePassword(@Argument AccountInputs.ChangePasswordInput input) {
        return lifecycle.changePassword(input);
    }

    @MutationMapping
    AccountInputs.RequestPasswordResetPayload requestPasswordReset(@Argument AccountInputs.RequestPasswordResetInput input) {
        return lifecycle.requestPasswordReset(input);
    }

    @MutationMapping
    AccountInputs.UserPayload resetPassword(@Argument AccountInputs.ResetPasswordInput input) {
        return lifecycle.resetPassword(input);
    }

    @MutationMapping
    AccountInputs.UserPayload signOutEverywhere(@Argument AccountInputs.SignOutEverywhereInput input) {
        return lifecycle.signOutEverywhere(input);
    }

    @QueryMapping
    List<ApiKey> apiKeys() {
        return keys.list();
    }

    @MutationMapping
    AccountInputs.CreateApiKeyPayload createApiKey(@Argument AccountInputs.CreateApiKeyInput input) {
        return keys.create(input);
    }

    @MutationMapping
    AccountInputs.ApiKeyPayload revokeApiKey(@Argument AccountInputs.RevokeApiKeyInput input) {
        return keys.revoke(input);
    }

    /** One SQL statement for all memberships shown in a response. */
    @BatchMapping(typeName = "Membership", field = "organization")
    Map<User.Membership, Organization> organization(List<User.Membership> memberships) {
        Map<Long, Organization> byId = organizations.findByIds(
                memberships.stream().map(User.Membership::organizationId).distinct().toList());
        return memberships.stream().filter(m -> byId.containsKey(m.organizationId()))
                .collect(Collectors.toMap(Function.identity(), m -> byId.get(m.organizationId()), (a, b) -> a));
    }
}
