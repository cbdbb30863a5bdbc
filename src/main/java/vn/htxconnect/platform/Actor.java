package vn.htxconnect.platform;

import java.util.Map;
import java.util.Set;

/**
 * Who is calling: anonymous, a signed-in user (with platform roles and organization memberships)
 * or a partner's API key (with scopes). Modules decide what an actor may do from this alone.
 */
public record Actor(Kind kind, Long userId, Long apiKeyId, String name, Set<PlatformRole> roles,
                    Map<Long, OrgRole> memberships, Set<String> scopes) {

    /** How the caller authenticated. */
    public enum Kind { ANONYMOUS, USER, API_KEY }

    /** Roles across the whole platform. */
    public enum PlatformRole { ADMIN, ALLIANCE_ANALYST }

    /** A user's role in one organization. */
    public enum OrgRole { OWNER, MEMBER }

    private static final Actor ANONYMOUS = new Actor(Kind.ANONYMOUS, null, null, "anonymous", Set.of(), Map.of(), Set.of());
    private static final Actor SYSTEM = new Actor(Kind.USER, null, null, "system", Set.of(PlatformRole.ADMIN), Map.of(), Set.of());

    public static Actor anonymous() {
        return ANONYMOUS;
    }

    /** The application itself (start-up jobs such as demo data), with admin rights. */
    public static Actor system() {
        return SYSTEM;
    }

    public boolean signedIn() {
        return kind != Kind.ANONYMOUS;
    }

    public boolean isUser() {
        return kind == Kind.USER;
    }

    public boolean isAdmin() {
        return roles.contains(PlatformRole.ADMIN);
    }

    /** The Cooperative Alliance's analysts (and admins) read everything and verify cooperatives. */
    public boolean isAlliance() {
        return isAdmin() || roles.contains(PlatformRole.ALLIANCE_ANALYST);
    }

    public boolean memberOf(long organizationId) {
        return memberships.containsKey(organizationId);
    }

    public boolean ownerOf(long organizationId) {
        return memberships.get(organizationId) == OrgRole.OWNER;
    }

    /** Users are not limited by scopes; API keys only do what their scopes say. */
    public boolean hasScope(String scope) {
        return kind != Kind.API_KEY || scopes.contains(scope);
    }

    /** A key identifying the caller for budgets and audit: user, key or (for anonymous) nothing. */
    public String principalKey() {
        return switch (kind) {
            case USER -> userId == null ? "system" : "user:" + userId;
            case API_KEY -> "key:" + apiKeyId;
            case ANONYMOUS -> "anonymous";
        };
    }
}
