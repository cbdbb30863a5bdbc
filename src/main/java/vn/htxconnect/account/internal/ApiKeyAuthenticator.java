package vn.htxconnect.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Message;

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
    ActorAuthentication authenticate(String token) {
        String[] parts = token.split("_");
        if (parts.length != 3 || !token.startsWith(PREFIX) || token.length() > 100) {
            throw new TokenRefusedException(Message.of("account.apiKey.malformed"));
        }
        ApiKeyEntity key = keys.findByPrefix(parts[1])
                .filter(k -> Secrets.sameDigest(k.secretHash, Secrets.sha256(token)))
                .orElseThrow(() -> new TokenRefusedException(Message.of("account.apiKey.unknown")));
        Instant now = Instant.now();
        if (!key.usable(now)) {
            throw new TokenRefusedException(key.revokedAt != null ? Message.of("account.apiKey.revoked")
                    : Message.of("account.apiKey.expired"));
        }
        // A write per request would be wasteful: minute resolution is enough for "last used".
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
            key.lastUsedAt = now;
        }
        return new ActorAuthentication(new Actor(Actor.Kind.API_KEY, null, key.id, key.name, Set.of(), Map.of(), key.scopeSet()),
                token, key.expiresAt);
    }
}
