package vn.htxconnect.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.Actor;

/** Checks a partner's API key ({@code htx_<prefix>_<secret>}) and records when it was last used. */
@Component
class ApiKeyAuthenticator {

    static final String PREFIX = "htx_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;

    ApiKeyAuthenticator(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @Transactional
    Actor authenticate(String token) {
        String[] parts = token.split("_");
        if (parts.length != 3 || !token.startsWith(PREFIX) || token.length() > 100) {
            throw new InvalidBearerTokenException("Malformed API key");
        }
        ApiKeyEntity key = keys.findByPrefix(parts[1])
                .filter(k -> Secrets.sameDigest(k.secretHash, Secrets.sha256(token)))
                .orElseThrow(() -> new InvalidBearerTokenException("Unknown API key"));
        Instant now = Instant.now();
        if (!key.usable(now)) {
            throw new InvalidBearerTokenException(key.revokedAt != null ? "API key revoked" : "API key expired");
        }
        // A write per request would be wasteful: minute resolution is enough for "last used".
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
            key.lastUsedAt = now;
        }
        return new Actor(Actor.Kind.API_KEY, null, key.id, key.name, Set.of(), Map.of(), key.scopeSet());
    }
}
