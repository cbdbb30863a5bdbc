package vn.htxconnect.account.internal;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import vn.htxconnect.platform.Actor;

/** An authenticated request whose principal is the platform's {@link Actor}. */
class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    /** The bearer token it came from, so a long-lived stream can check it again (never exposed as credentials). */
    private final String token;

    ActorAuthentication(Actor actor, String token) {
        super(actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.actor = actor;
        this.token = token;
        setAuthenticated(true);
    }

    String token() {
        return token;
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
