package vn.htxconnect.account.internal;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Message;

/**
 * Turns a bearer token into an authenticated {@code Actor}: a sign-in JWT (checked by Spring
 * Security's resource-server provider) or a partner API key. One place for both transports: HTTP
 * requests (the {@code Authorization} header) and WebSocket connections ({@code connection_init}).
 */
@Component
class BearerAuthentication {

    private final AuthenticationManager jwt;
    private final AuthenticationManager keys;
    private final CredentialCache cache;

    BearerAuthentication(TokenService tokens, ActorLoader actors, ApiKeyAuthenticator apiKeys, CredentialCache cache) {
        this.cache = cache;
        JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(tokens.decoder());
        jwtProvider.setJwtAuthenticationConverter(token -> {
            long userId;
            try {
                userId = Long.parseLong(token.getSubject());
            } catch (NumberFormatException e) {
                throw new TokenRefusedException(Message.of("account.token.subject"));
            }
            return new ActorAuthentication(actors.forToken(userId, TokenService.issuedAt(token), token.getId())
                    .orElseThrow(() -> new TokenRefusedException(Message.of("account.token.userGone"))), token.getTokenValue(),
                    token.getExpiresAt());
        });
        this.jwt = new ProviderManager(jwtProvider);
        this.keys = authentication -> {
            String key = ((BearerTokenAuthenticationToken) authentication).getToken();
            return apiKeys.authenticate(key);
        };
    }

    /** The manager for a token: API keys start with {@code htx_}, everything else is taken for a JWT. */
    AuthenticationManager forToken(String token) {
        return token != null && token.regionMatches(true, 0, ApiKeyAuthenticator.PREFIX, 0, ApiKeyAuthenticator.PREFIX.length())
                ? keys : jwt;
    }

    /** Checks a token now, whatever the cache holds (a long-lived stream re-checking the token it was opened with). */
    Actor verify(String token) {
        return (Actor) forToken(token).authenticate(new BearerTokenAuthenticationToken(token)).getPrincipal();
    }

    /** Authenticates a {@link BearerTokenAuthenticationToken} of either kind; a token checked moments ago is not checked again. */
    AuthenticationManager manager() {
        return authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            ActorAuthentication known = cache.get(token);
            if (known != null) {
                return known;
            }
            ActorAuthentication checked = (ActorAuthentication) forToken(token).authenticate(authentication);
            cache.put(token, checked, checked.expiresAt());
            return checked;
        };
    }
}
