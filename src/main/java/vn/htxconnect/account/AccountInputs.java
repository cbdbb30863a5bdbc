package vn.htxconnect.account;

import java.time.Instant;
import java.util.List;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationInput;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.UserError;

/** Inputs and payloads of the account mutations. */
public final class AccountInputs {

    private AccountInputs() {
    }

    /** A new user's own details. */
    public record NewUser(String email, String name, String phone, String password, String preferredLanguage) {
    }

    /** Sign-up: an organization and its first owner. */
    public record RegisterOrganizationInput(OrganizationInput organization, NewUser owner, String clientMutationId) {
    }

    /** Result of sign-up: the organization, its owner and a sign-in token. */
    public record RegisterOrganizationPayload(Organization organization, User user, String token, Instant expiresAt,
                                              List<UserError> errors, String clientMutationId) {
    }

    /** E-mail and password. */
    public record LoginInput(String email, String password, String clientMutationId) {
    }

    /** A sign-in token, or why there is none. */
    public record LoginPayload(String token, Instant expiresAt, User user, List<UserError> errors,
                               String clientMutationId) {
    }

    /** Invite someone into an organization. */
    public record InviteMemberInput(String organizationId, String email, Actor.OrgRole role, String clientMutationId) {
    }

    /** The invitation token (shown once) to pass to the invitee. */
    public record InviteMemberPayload(String invitationToken, Instant expiresAt, List<UserError> errors,
                                      String clientMutationId) {
    }

    /** Accept an invitation; a new user gives name and password, a signed-in user nothing more. */
    public record AcceptInvitationInput(String token, String name, String phone, String password,
                                        String clientMutationId) {
    }

    /** Give or take away a platform role (null role removes it). */
    public record GrantPlatformRoleInput(String userId, Actor.PlatformRole role, String clientMutationId) {
    }

    /** A user after a change, or why nothing changed. */
    public record UserPayload(User user, String token, Instant expiresAt, List<UserError> errors,
                              String clientMutationId) {
    }

    /** A new partner API key. */
    public record CreateApiKeyInput(String name, List<String> scopes, Instant expiresAt, String clientMutationId) {
    }

    /** The key's record and its secret, shown only this once. */
    public record CreateApiKeyPayload(ApiKey apiKey, String secret, List<UserError> errors, String clientMutationId) {
    }

    /** Which key to revoke. */
    public record RevokeApiKeyInput(String id, String clientMutationId) {
    }

    /** A key after a change. */
    public record ApiKeyPayload(ApiKey apiKey, List<UserError> errors, String clientMutationId) {
    }

    /** Remove a member from an organization (owners). */
    public record RemoveMemberInput(String organizationId, String userId, String clientMutationId) {
    }

    /** Give a member another role (owners). */
    public record ChangeMemberRoleInput(String organizationId, String userId, Actor.OrgRole role,
                                        String clientMutationId) {
    }

    /** Leave an organization oneself. */
    public record LeaveOrganizationInput(String organizationId, String clientMutationId) {
    }

    /** Hand one's ownership to another member. */
    public record TransferOwnershipInput(String organizationId, String newOwnerId, String clientMutationId) {
    }

    /** A membership after a change: the member concerned and the organization, or why nothing changed. */
    public record MemberPayload(User user, Organization organization, List<UserError> errors, String clientMutationId) {
    }

    /** Change one's own password, with the current one. */
    public record ChangePasswordInput(String currentPassword, String newPassword, String clientMutationId) {
    }

    /** Ask for a password-reset mail. */
    public record RequestPasswordResetInput(String email, String clientMutationId) {
    }

    /** The same answer whether or not the address has an account. */
    public record RequestPasswordResetPayload(List<UserError> errors, String clientMutationId) {
    }

    /** Set a new password with the token from a reset mail. */
    public record ResetPasswordInput(String token, String newPassword, String clientMutationId) {
    }

    /** Sign out every session of the caller. */
    public record SignOutEverywhereInput(String clientMutationId) {
    }
}
