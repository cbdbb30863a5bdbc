package vn.htxconnect.account.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.account.AccountInputs.ChangeMemberRoleInput;
import vn.htxconnect.account.AccountInputs.ChangePasswordInput;
import vn.htxconnect.account.AccountInputs.LeaveOrganizationInput;
import vn.htxconnect.account.AccountInputs.MemberPayload;
import vn.htxconnect.account.AccountInputs.RemoveMemberInput;
import vn.htxconnect.account.AccountInputs.RequestPasswordResetInput;
import vn.htxconnect.account.AccountInputs.RequestPasswordResetPayload;
import vn.htxconnect.account.AccountInputs.ResetPasswordInput;
import vn.htxconnect.account.AccountInputs.SignOutEverywhereInput;
import vn.htxconnect.account.AccountInputs.TransferOwnershipInput;
import vn.htxconnect.account.AccountInputs.UserPayload;
import vn.htxconnect.account.User;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * The account lifecycle: members removed, re-roled, leaving, ownership handed over (an organization always keeps an
 * owner); passwords changed and reset by mail; signing out everywhere.
 */
@Service
class AccountLifecycle {

    static final Duration RESET_TTL = Duration.ofMinutes(30);
    /** Reset mails one address gets per hour at most: enough for a lost mail or two, too few to flood a mailbox. */
    static final int RESETS_PER_HOUR = 3;
    private static final int MAX_TOKEN_LENGTH = 200;

    private final UserRepository users;
    private final OrganizationService organizations;
    private final AccountManagement accounts;
    private final TokenService tokens;
    private final CredentialCache cache;
    private final AccountMails mails;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    AccountLifecycle(UserRepository users, OrganizationService organizations, AccountManagement accounts,
                     TokenService tokens, CredentialCache cache, AccountMails mails, JdbcTemplate jdbc) {
        this.users = users;
        this.organizations = organizations;
        this.accounts = accounts;
        this.tokens = tokens;
        this.cache = cache;
        this.mails = mails;
        this.jdbc = jdbc;
    }

    // ---- memberships --------------------------------------------------------------------------------------

    @Transactional
    MemberPayload removeMember(RemoveMemberInput in) {
        long orgId = GlobalId.decode("input.organizationId", in.organizationId(), Organization.TYPE);
        long userId = GlobalId.decode("input.userId", in.userId(), User.TYPE);
        Actor actor = Access.requireOwner(orgId);
        Map<Long, Actor.OrgRole> members = lockMembers(orgId);
        requireStillOwner(actor, members);
        if (!members.containsKey(userId)) {
            return failed("userId", UserErrorCode.NOT_FOUND, Message.of("account.member.notFound"), in.clientMutationId());
        }
        Map<Long, Actor.OrgRole> changes = new LinkedHashMap<>();
        changes.put(userId, null);
        return apply(orgId, members, changes, userId, "userId", in.clientMutationId());
    }

    @Transactional
    MemberPayload changeMemberRole(ChangeMemberRoleInput in) {
        long orgId = GlobalId.decode("input.organizationId", in.organizationId(), Organization.TYPE);
        long userId = GlobalId.decode("input.userId", in.userId(), User.TYPE);
        Actor actor = Access.requireOwner(orgId);
        if (in.role() == null) {
            return failed("role", UserErrorCode.REQUIRED, Message.of("input.required", "role"), in.clientMutationId());
        }
        Map<Long, Actor.OrgRole> members = lockMembers(orgId);
        requireStillOwner(actor, members);
        if (!members.containsKey(userId)) {
            return failed("userId", UserErrorCode.NOT_FOUND, Message.of("account.member.notFound"), in.clientMutationId());
        }
        return apply(orgId, members, Map.of(userId, in.role()), userId, "role", in.clientMutationId());
    }

    @Transactional
    MemberPayload leave(LeaveOrganizationInput in) {
        long orgId = GlobalId.decode("input.organizationId", in.organizationId(), Organization.TYPE);
        Actor actor = Access.requireUser();
        Access.requireMember(orgId);
        Map<Long, Actor.OrgRole> members = lockMembers(orgId);
        if (!members.containsKey(actor.userId())) {
            // An admin passes requireMember without being a member.
            return failed("organizationId", UserErrorCode.NOT_FOUND, Message.of("account.member.notMember"),
                    in.clientMutationId());
        }
        Map<Long, Actor.OrgRole> changes = new LinkedHashMap<>();
        changes.put(actor.userId(), null);
        return apply(orgId, members, changes, actor.userId(), "organizationId", in.clientMutationId());
    }

    @Transactional
    MemberPayload transferOwnership(TransferOwnershipInput in) {
        long orgId = GlobalId.decode("input.organizationId", in.organizationId(), Organization.TYPE);
        long newOwner = GlobalId.decode("input.newOwnerId", in.newOwnerId(), User.TYPE);
        Actor actor = Access.requireOwner(orgId);
        Map<Long, Actor.OrgRole> members = lockMembers(orgId);
        requireStillOwner(actor, members);
        if (!members.containsKey(newOwner)) {
            return failed("newOwnerId", UserErrorCode.NOT_FOUND, Message.of("account.member.notFound"),
                    in.clientMutationId());
        }
        Map<Long, Actor.OrgRole> changes = new LinkedHashMap<>();
        changes.put(newOwner, Actor.OrgRole.OWNER);
        // The caller hands over their own ownership; an admin who is not an owner here only promotes.
        if (actor.userId() != null && actor.userId() != newOwner && members.get(actor.userId()) == Actor.OrgRole.OWNER) {
            changes.put(actor.userId(), Actor.OrgRole.MEMBER);
        }
        return apply(orgId, members, changes, newOwner, "newOwnerId", in.clientMutationId());
    }

    /**
     * Every membership of the organization, locked until the transaction ends. All membership changes lock them
     * first, so two owners leaving at once run one after the other and the second sees the first gone: the
     * last-owner rule ({@link #apply}) cannot be raced. A locking read sees the latest committed rows.
     */
    private Map<Long, Actor.OrgRole> lockMembers(long orgId) {
        Map<Long, Actor.OrgRole> members = new LinkedHashMap<>();
        jdbc.query("SELECT user_id, role FROM membership WHERE organization_id = ? ORDER BY id FOR UPDATE",
                rs -> {
                    members.put(rs.getLong(1), Actor.OrgRole.valueOf(rs.getString(2)));
                }, orgId);
        return members;
    }

    /** The caller's ownership as locked now: another owner may have demoted them since their token was checked. */
    private static void requireStillOwner(Actor actor, Map<Long, Actor.OrgRole> members) {
        if (actor.isAdmin()) {
            return;
        }
        if (actor.userId() == null || members.get(actor.userId()) != Actor.OrgRole.OWNER) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
        }
    }

    /**
     * The one place membership changes are written ({@code null} role: removed), after the last-owner rule: the
     * organization keeps at least one owner. Runs on the rows {@link #lockMembers} locked.
     */
    private MemberPayload apply(long orgId, Map<Long, Actor.OrgRole> members, Map<Long, Actor.OrgRole> changes,
                                long shown, String field, String clientMutationId) {
        Map<Long, Actor.OrgRole> after = new LinkedHashMap<>(members);
        changes.forEach((user, role) -> {
            if (role == null) {
                after.remove(user);
            } else {
                after.put(user, role);
            }
        });
        boolean hadOwner = members.containsValue(Actor.OrgRole.OWNER);
        if (hadOwner && !after.containsValue(Actor.OrgRole.OWNER)) {
            return failed(field, UserErrorCode.CONFLICT, Message.of("account.member.lastOwner"), clientMutationId);
        }
        changes.forEach((user, role) -> {
            if (role == null) {
                jdbc.update("DELETE FROM membership WHERE organization_id = ? AND user_id = ?", orgId, user);
            } else if (members.get(user) != role) {
                jdbc.update("UPDATE membership SET role = ? WHERE organization_id = ? AND user_id = ?",
                        role.name(), orgId, user);
            }
            // Written with SQL, past the entity listener: the member's cached tokens are forgotten here.
            cache.forgetUser(user);
        });
        User user = users.findById(shown).map(accounts::view).orElse(null);
        return new MemberPayload(user, organizations.findById(orgId).orElse(null), List.of(), clientMutationId);
    }

    private static MemberPayload failed(String field, UserErrorCode code, Message text, String clientMutationId) {
        return new MemberPayload(null, null, List.of(UserError.of(field, code, text)), clientMutationId);
    }

    // ---- passwords and sessions ---------------------------------------------------------------------------

    /**
     * Every other session ends (a changed password usually means the old one may be known to someone else); the
     * session making the call stays signed in, as people expect.
     */
    @Transactional
    UserPayload changePassword(ChangePasswordInput in) {
        Actor actor = Access.requireUser();
        UserEntity user = users.findById(actor.userId()).orElseThrow();
        ValidationErrors errors = new ValidationErrors();
        if (in.currentPassword() == null || in.currentPassword().length() > 200
                || !passwords.matches(in.currentPassword(), user.passwordHash)) {
            errors.add("currentPassword", UserErrorCode.INVALID, Message.of("account.password.wrong"));
        }
        AccountManagement.checkPassword(in.newPassword(), "newPassword", errors);
        if (errors.hasErrors()) {
            return new UserPayload(null, null, null, errors.list(), in.clientMutationId());
        }
        user.passwordHash = passwords.encode(in.newPassword());
        signOut(user, currentTokenId().orElse(null));
        // A reset mail sent before no longer opens the account.
        jdbc.update("UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
                Timestamp.from(Instant.now()), user.id);
        return new UserPayload(accounts.view(user), null, null, List.of(), in.clientMutationId());
    }

    @Transactional
    UserPayload signOutEverywhere(SignOutEverywhereInput in) {
        Actor actor = Access.requireUser();
        UserEntity user = users.findById(actor.userId()).orElseThrow();
        signOut(user, null);
        return new UserPayload(accounts.view(user), null, null, List.of(), in == null ? null : in.clientMutationId());
    }

    /**
     * Tokens issued before now are refused from now on, except {@code keep}. Compared in milliseconds: a token
     * issued right after (the new one of a reset) is accepted. The entity listener forgets the user's cached
     * tokens on this instance; other instances' caches hold them at most {@code htx.security.credential-cache-ttl}.
     */
    private static void signOut(UserEntity user, String keep) {
        user.tokensValidAfterMs = Instant.now().toEpochMilli();
        user.keptTokenId = keep;
    }

    /** The jti of the token this request came with. */
    private Optional<String> currentTokenId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ActorAuthentication a && a.token() != null) {
            try {
                return Optional.ofNullable(tokens.decoder().decode(a.token()).getId());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Always the same answer for a well-formed address: whether it has an account shows only in its mailbox.
     * Accounts have no disabled state yet, so every existing account gets the mail.
     */
    @Transactional
    RequestPasswordResetPayload requestPasswordReset(RequestPasswordResetInput in) {
        String email = AccountManagement.normalizeEmail(in.email());
        if (email == null || email.length() > 254 || !AccountManagement.EMAIL.matcher(email).matches()) {
            return new RequestPasswordResetPayload(List.of(UserError.of("email", UserErrorCode.INVALID,
                    Message.of("account.email.invalid"))), in.clientMutationId());
        }
        Optional<UserEntity> found = users.findByEmail(email);
        if (found.isPresent()) {
            UserEntity user = found.get();
            Instant now = Instant.now();
            // Serialises this user's requests (the row lock), so parallel requests cannot pass the throttle together.
            jdbc.queryForObject("SELECT id FROM app_user WHERE id = ? FOR UPDATE", Long.class, user.id);
            Integer recent = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM password_reset WHERE user_id = ? AND created_at > ?", Integer.class,
                    user.id, Timestamp.from(now.minus(Duration.ofHours(1))));
            if (recent < RESETS_PER_HOUR) {
                String token = "pwr_" + Secrets.randomBytes(32);
                jdbc.update("INSERT INTO password_reset (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
                        user.id, Secrets.sha256(token), Timestamp.from(now), Timestamp.from(now.plus(RESET_TTL)));
                mails.passwordReset(user.email, user.preferredLanguage, user.name, token, RESET_TTL);
            }
        }
        return new RequestPasswordResetPayload(List.of(), in.clientMutationId());
    }

    /**
     * One use within 30 minutes: the token is spent by a conditional update, so two requests with it cannot both
     * succeed. On success every other reset token of the user is spent too, every session signed out, and the user
     * signed in anew.
     */
    @Transactional
    UserPayload resetPassword(ResetPasswordInput in) {
        ValidationErrors errors = new ValidationErrors();
        AccountManagement.checkPassword(in.newPassword(), "newPassword", errors);
        if (errors.hasErrors()) {
            return new UserPayload(null, null, null, errors.list(), in.clientMutationId());
        }
        UserPayload refused = new UserPayload(null, null, null, List.of(UserError.of("token", UserErrorCode.INVALID,
                Message.of("account.reset.invalid"))), in.clientMutationId());
        if (in.token() == null || in.token().isBlank() || in.token().length() > MAX_TOKEN_LENGTH) {
            return refused;
        }
        String hash = Secrets.sha256(in.token());
        Timestamp now = Timestamp.from(Instant.now());
        List<Long> owner = jdbc.queryForList("SELECT user_id FROM password_reset WHERE token_hash = ? FOR UPDATE",
                Long.class, hash);
        int spent = jdbc.update("UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                + "AND expires_at > ?", now, hash, now);
        if (spent != 1 || owner.isEmpty()) {
            return refused;
        }
        UserEntity user = users.findById(owner.getFirst()).orElse(null);
        if (user == null) {
            return refused;
        }
        jdbc.update("UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at IS NULL", now, user.id);
        user.passwordHash = passwords.encode(in.newPassword());
        signOut(user, null);
        // Whoever reset the password holds the mailbox: the failures throttling sign-in start over.
        jdbc.update("DELETE FROM login_failure WHERE email = ?", user.email);
        TokenService.Issued token = tokens.issue(user.id, user.name);
        return new UserPayload(accounts.view(user), token.token(), token.expiresAt(), List.of(), in.clientMutationId());
    }
}
