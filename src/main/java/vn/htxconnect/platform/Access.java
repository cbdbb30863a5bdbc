package vn.htxconnect.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The current {@link Actor} and the checks every module uses, so authorisation reads the same
 * everywhere: {@code Access.requireMember(orgId)} throws UNAUTHENTICATED or FORBIDDEN.
 */
public final class Access {

    private Access() {
    }

    public static Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The actor an authentication stands for; anonymous for null or a foreign one. */
    public static Actor of(Authentication auth) {
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        if (auth != null && auth.getDetails() instanceof Actor actor) {
            return actor;
        }
        return Actor.anonymous();
    }

    public static Actor requireSignedIn() {
        Actor a = current();
        if (!a.signedIn()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, Message.of("access.signIn"));
        }
        return a;
    }

    public static Actor requireUser() {
        Actor a = requireSignedIn();
        if (!a.isUser()) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.userOnly"));
        }
        return a;
    }

    /** A member (or owner) of the organization, or an admin. */
    public static Actor requireMember(long organizationId) {
        Actor a = requireUser();
        if (!a.memberOf(organizationId) && !a.isAdmin()) {
            throw forbidden();
        }
        return a;
    }

    /** An owner of the organization, or an admin. */
    public static Actor requireOwner(long organizationId) {
        Actor a = requireUser();
        if (!a.ownerOf(organizationId) && !a.isAdmin()) {
            throw forbidden();
        }
        return a;
    }

    public static Actor requireAdmin() {
        Actor a = requireUser();
        if (!a.isAdmin()) {
            throw forbidden();
        }
        return a;
    }

    /** The Alliance's analysts or admins. */
    public static Actor requireAlliance() {
        Actor a = requireUser();
        if (!a.isAlliance()) {
            throw forbidden();
        }
        return a;
    }

    /** For reads open to anonymous users: API keys need the scope. */
    public static Actor requireScope(String scope) {
        Actor a = current();
        if (!a.hasScope(scope)) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.scope", scope));
        }
        return a;
    }

    /** Runs work of the application itself (not of a caller) with the system actor on this thread. */
    public static <T> T asSystem(java.util.function.Supplier<T> work) {
        org.springframework.security.core.context.SecurityContext previous = SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                Actor.system(), null, java.util.List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static ApiException forbidden() {
        return new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
    }
}
