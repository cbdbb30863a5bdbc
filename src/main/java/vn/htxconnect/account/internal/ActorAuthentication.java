package vn.htxconnect.account.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import vn.htxconnect.platform.Actor;

/** An authenticated request whose principal is the platform's {@link Actor}. */
class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    /** The bearer token it came from, so a long-lived stream can check it again (never exposed as credentials). */
    private final String token;
    /** When the token itself expires (null: it does not). */
    private final Instant expiresAt;

    ActorAuthentication(Actor actor, String token) {
        this(actor, token, null);
    }

    ActorAuthentication(Actor actor, String token, Instant expiresAt) {
        super(actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.actor = actor;
        this.token = token;
        this.expiresAt = expiresAt;
        setAuthenticated(true);
    }

    String token() {
        return token;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.principalKey();
    }

    List<String> scopes() {
        return List.copyOf(actor.scopes());
    }
}
