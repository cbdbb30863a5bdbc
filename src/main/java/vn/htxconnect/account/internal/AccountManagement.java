package vn.htxconnect.account.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Metrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.htxconnect.account.AccountInputs.AcceptInvitationInput;
import vn.htxconnect.account.AccountInputs.GrantPlatformRoleInput;
import vn.htxconnect.account.AccountInputs.InviteMemberInput;
import vn.htxconnect.account.AccountInputs.InviteMemberPayload;
import vn.htxconnect.account.AccountInputs.LoginInput;
import vn.htxconnect.account.AccountInputs.LoginPayload;
import vn.htxconnect.account.AccountInputs.NewUser;
import vn.htxconnect.account.AccountInputs.RegisterOrganizationInput;
import vn.htxconnect.account.AccountInputs.RegisterOrganizationPayload;
import vn.htxconnect.account.AccountInputs.UserPayload;
import vn.htxconnect.account.User;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationPayload;
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

/** Sign-up, sign-in with throttling, invitations and platform roles. */
@Service
class AccountManagement {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Duration INVITATION_TTL = Duration.ofDays(7);

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final InvitationRepository invitations;
    private final OrganizationService organizations;
    private final TokenService tokens;
    private final JdbcTemplate jdbc;
    private final SecurityProperties properties;
    private final SignInActivity signIns;
    private final AccountMails mails;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    AccountManagement(UserRepository users, MembershipRepository memberships, InvitationRepository invitations,
                      OrganizationService organizations, TokenService tokens, JdbcTemplate jdbc,
                      SecurityProperties properties, SignInActivity signIns, AccountMails mails) {
        this.users = users;
        this.memberships = memberships;
        this.invitations = invitations;
        this.organizations = organizations;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.properties = properties;
        this.signIns = signIns;
        this.mails = mails;
    }

    @Transactional
    RegisterOrganizationPayload register(RegisterOrganizationInput in) {
        ValidationErrors errors = new ValidationErrors();
        if (in.organization() == null) {
            errors.add("organization", UserErrorCode.REQUIRED, Message.of("input.required", "organization"));
        }
        UserEntity owner = newUser(in.owner(), "owner", null, errors);
        if (errors.hasErrors()) {
            return new RegisterOrganizationPayload(null, null, null, null, errors.list(), in.clientMutationId());
        }
        OrganizationPayload created = organizations.create(in.organization());
        if (!created.errors().isEmpty()) {
            List<UserError> nested = created.errors().stream().map(e -> new UserError(
                    prefixed("organization", e.field()), e.code(), e.text())).toList();
            return new RegisterOrganizationPayload(null, null, null, null, nested, in.clientMutationId());
        }
        users.save(owner);
        memberships.save(MembershipEntity.of(owner.id, created.organization().databaseId(), Actor.OrgRole.OWNER));
        TokenService.Issued token = tokens.issue(owner.id, owner.name);
        return new RegisterOrganizationPayload(created.organization(), view(owner), token.token(), token.expiresAt(),
                List.of(), in.clientMutationId());
    }

    private static List<String> prefixed(String prefix, List<String> field) {
        List<String> out = new ArrayList<>();
        out.add("input");
        out.add(prefix);
        if (field != null) {
            field.stream().skip(field.isEmpty() || !"input".equals(field.getFirst()) ? 0 : 1).forEach(out::add);
        }
        return out;
    }

    /** Validates a new user's details; returns an unsaved entity. {@code fixedEmail} comes from an invitation. */
    private UserEntity newUser(NewUser in, String prefix, String fixedEmail, ValidationErrors errors) {
        if (in == null) {
            errors.add(prefix, UserErrorCode.REQUIRED, Message.of("input.required", prefix));
            return null;
        }
        String p = prefix.isEmpty() ? "" : prefix + ".";
        UserEntity u = new UserEntity();
        String email = fixedEmail != null ? fixedEmail : normalizeEmail(in.email());
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.add(p + "email", UserErrorCode.INVALID, Message.of("account.email.invalid"));
        } else if (users.findByEmail(email).isPresent()) {
            errors.add(p + "email", UserErrorCode.DUPLICATE, Message.of("account.email.taken"));
        }
        u.email = email;
        u.name = errors.text(p + "name", in.name(), 120, true);
        u.phone = errors.text(p + "phone", in.phone(), 30, false);
        checkPassword(in.password(), p + "password", errors);
        u.passwordHash = in.password() == null ? null : passwords.encode(in.password());
        u.preferredLanguage = "en".equalsIgnoreCase(in.preferredLanguage()) ? "en" : "vi";
        return u;
    }

    static void checkPassword(String password, String field, ValidationErrors errors) {
        if (password == null || password.length() < 10) {
            errors.add(field, UserErrorCode.INVALID, Message.of("account.password.tooShort", 10));
        } else if (password.length() > 200) {
            errors.add(field, UserErrorCode.TOO_LONG, Message.of("account.password.tooLong", 200));
        }
    }

    static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code htx.account.signin.failures} by reason (wrong: unknown e-mail or wrong password; throttled: refused
     * for too many failures). Through the global registry, which Spring Boot's registries join, so the count
     * stays out of this class's constructor.
     */
    private static void signInFailed(String reason) {
        Metrics.counter("htx.account.signin.failures", "reason", reason).increment();
    }

    @Transactional(noRollbackFor = ApiException.class)
    LoginPayload login(LoginInput in, String address) {
        String email = normalizeEmail(in.email());
        if (email == null || email.length() > 254 || in.password() == null || in.password().length() > 200) {
            return new LoginPayload(null, null, null, List.of(UserError.of("password", UserErrorCode.INVALID,
                    Message.of("account.login.wrong"))), in.clientMutationId());
        }
        String from = address == null ? "unknown" : address.substring(0, Math.min(address.length(), 64));
        Instant since = Instant.now().minus(properties.failureWindow());
        Integer byEmail = jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE email = ? AND failed_at > ?",
                Integer.class, String.valueOf(email), since);
        Integer byAddress = jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE address = ? AND failed_at > ?",
                Integer.class, from, since);
        if (byEmail >= properties.maxFailuresPerAccount() || byAddress >= properties.maxFailuresPerAddress()) {
            signInFailed("throttled");
            throw new ApiException(ErrorCode.RATE_LIMITED, Message.of("account.login.throttled",
                    properties.failureWindow().toMinutes()));
        }
        UserEntity user = email == null ? null : users.findByEmail(email).orElse(null);
        // Same answer for an unknown e-mail and a wrong password: do not reveal who has an account.
        if (user == null || in.password() == null || !passwords.matches(in.password(), user.passwordHash)) {
            jdbc.update("INSERT INTO login_failure (email, address, failed_at) VALUES (?, ?, ?)",
                    String.valueOf(email), from, Instant.now());
            signInFailed("wrong");
            return new LoginPayload(null, null, null, List.of(UserError.of("password", UserErrorCode.INVALID,
                    Message.of("account.login.wrong"))), in.clientMutationId());
        }
        jdbc.update("DELETE FROM login_failure WHERE email = ?", email);
        // A plain update: concurrent sign-ins of one account (two devices) must not conflict on the version.
        Instant now = Instant.now();
        jdbc.update("UPDATE app_user SET last_login_at = ? WHERE id = ?", Timestamp.from(now), user.id);
        signIns.record(user.id, now);
        user.lastLoginAt = now;
        TokenService.Issued token = tokens.issue(user.id, user.name);
        return new LoginPayload(token.token(), token.expiresAt(), view(user), List.of(), in.clientMutationId());
    }

    @Transactional
    InviteMemberPayload invite(InviteMemberInput in) {
        long orgId = GlobalId.decode("input.organizationId", in.organizationId(), Organization.TYPE);
        Actor actor = Access.requireOwner(orgId);
        ValidationErrors errors = new ValidationErrors();
        String email = normalizeEmail(in.email());
        if (email == null || !EMAIL.matcher(email).matches()) {
            errors.add("email", UserErrorCode.INVALID, Message.of("account.email.invalid"));
        }
        Organization organization = organizations.findById(orgId).orElse(null);
        if (organization == null) {
            errors.add("organizationId", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
        }
        if (errors.hasErrors()) {
            return new InviteMemberPayload(null, null, errors.list(), in.clientMutationId());
        }
        String token = "inv_" + Secrets.random(32);
        InvitationEntity inv = new InvitationEntity();
        inv.organizationId = orgId;
        inv.email = email;
        inv.role = in.role() == null ? Actor.OrgRole.MEMBER : in.role();
        inv.tokenHash = Secrets.sha256(token);
        inv.invitedBy = actor.userId() == null ? 0 : actor.userId();
        inv.expiresAt = Instant.now().plus(INVITATION_TTL);
        invitations.save(inv);
        // In the invitee's language when they have an account, else the inviter's (Vietnamese by default).
        UserEntity inviter = actor.userId() == null ? null : users.findById(actor.userId()).orElse(null);
        String language = users.findByEmail(email).map(u -> u.preferredLanguage)
                .orElse(inviter == null ? "vi" : inviter.preferredLanguage);
        mails.invitation(email, language, organization.name(), inv.role,
                inviter == null ? "HTX Connect" : inviter.name, token, inv.expiresAt);
        return new InviteMemberPayload(token, inv.expiresAt, List.of(), in.clientMutationId());
    }

    @Transactional
    UserPayload accept(AcceptInvitationInput in) {
        ValidationErrors errors = new ValidationErrors();
        InvitationEntity inv = in.token() == null ? null : invitations.findByTokenHash(Secrets.sha256(in.token())).orElse(null);
        if (inv == null || inv.acceptedAt != null || inv.expiresAt.isBefore(Instant.now())) {
            errors.add("token", UserErrorCode.INVALID, Message.of("account.invitation.unknown"));
            return new UserPayload(null, null, null, errors.list(), in.clientMutationId());
        }
        Actor actor = Access.current();
        UserEntity user;
        if (actor.isUser()) {
            user = users.findById(actor.userId()).orElseThrow();
            if (!user.email.equalsIgnoreCase(inv.email)) {
                errors.add("token", UserErrorCode.FORBIDDEN, Message.of("account.invitation.otherEmail"));
                return new UserPayload(null, null, null, errors.list(), in.clientMutationId());
            }
        } else {
            user = users.findByEmail(inv.email).orElse(null);
            if (user != null) {
                errors.add("token", UserErrorCode.CONFLICT, Message.of("account.invitation.accountExists"));
                return new UserPayload(null, null, null, errors.list(), in.clientMutationId());
            }
            user = newUser(new NewUser(inv.email, in.name(), in.phone(), in.password(), null), "", inv.email, errors);
            if (errors.hasErrors()) {
                return new UserPayload(null, null, null, errors.list(), in.clientMutationId());
            }
            users.save(user);
        }
        if (!memberships.existsByUserIdAndOrganizationId(user.id, inv.organizationId)) {
            memberships.save(MembershipEntity.of(user.id, inv.organizationId, inv.role));
        }
        inv.acceptedAt = Instant.now();
        TokenService.Issued token = tokens.issue(user.id, user.name);
        return new UserPayload(view(user), token.token(), token.expiresAt(), List.of(), in.clientMutationId());
    }

    @Transactional
    UserPayload grant(GrantPlatformRoleInput in) {
        Access.requireAdmin();
        Long id = GlobalId.tryDecode(in.userId(), User.TYPE);
        UserEntity user = id == null ? null : users.findById(id).orElse(null);
        if (user == null) {
            return new UserPayload(null, null, null, List.of(UserError.of("userId", UserErrorCode.NOT_FOUND,
                    Message.of("account.user.notFound"))), in.clientMutationId());
        }
        user.platformRole = in.role();
        return new UserPayload(view(user), null, null, List.of(), in.clientMutationId());
    }

    @Transactional(readOnly = true)
    User me() {
        Actor actor = Access.current();
        return actor.isUser() ? users.findById(actor.userId()).map(this::view).orElse(null) : null;
    }

    /** Creates the configured admin when no admin exists yet (first start). */
    @Transactional
    void ensureAdmin(String email, String password, String name) {
        if (users.existsByPlatformRole(Actor.PlatformRole.ADMIN)) {
            return;
        }
        ValidationErrors errors = new ValidationErrors();
        UserEntity admin = newUser(new NewUser(email, name, null, password, "vi"), "admin", null, errors);
        if (errors.hasErrors()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            throw new IllegalStateException("Cannot create the admin account: " + errors.list());
        }
        admin.platformRole = Actor.PlatformRole.ADMIN;
        users.save(admin);
    }

    User view(UserEntity u) {
        List<User.Membership> ms = u.id == null ? List.of() : memberships.findByUserId(u.id).stream()
                .map(m -> new User.Membership(m.organizationId, m.role)).toList();
        return new User(u.id, u.email, u.name, u.phone, u.preferredLanguage, u.platformRole, ms, u.createdAt(),
                u.lastLoginAt);
    }
}
