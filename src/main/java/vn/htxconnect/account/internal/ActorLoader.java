package vn.htxconnect.account.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Message;

/**
 * Builds the {@link Actor} of a signed-in user from the database on every request, so a removed
 * membership or role takes effect at once rather than when the token expires.
 */
@Component
class ActorLoader {

    private final UserRepository users;
    private final MembershipRepository memberships;

    ActorLoader(UserRepository users, MembershipRepository memberships) {
        this.users = users;
        this.memberships = memberships;
    }

    /**
     * The actor of a sign-in token, unless the user signed out everywhere (or changed or reset the password) after
     * the token was issued: then the token is refused, except the one session that changed the password.
     */
    @Transactional(readOnly = true)
    Optional<Actor> forToken(long userId, Instant issuedAt, String tokenId) {
        return users.findById(userId).map(u -> {
            if (signedOut(u, issuedAt, tokenId)) {
                throw new TokenRefusedException(Message.of("account.token.signedOut"));
            }
            return actorOf(u);
        });
    }

    /**
     * Issued before the cut-off (compared in milliseconds, see {@link TokenService#ISSUED_AT_MILLIS}; a token
     * without an issue time counts as issued before), and not the one token kept.
     */
    static boolean signedOut(UserEntity u, Instant issuedAt, String tokenId) {
        if (u.tokensValidAfterMs == null) {
            return false;
        }
        if (u.keptTokenId != null && u.keptTokenId.equals(tokenId)) {
            return false;
        }
        return issuedAt == null || issuedAt.toEpochMilli() < u.tokensValidAfterMs;
    }

    private Actor actorOf(UserEntity u) {
        Map<Long, Actor.OrgRole> roles = new LinkedHashMap<>();
        memberships.findByUserId(u.id).forEach(m -> roles.put(m.organizationId, m.role));
        Set<Actor.PlatformRole> platform = u.platformRole == null ? Set.of() : EnumSet.of(u.platformRole);
        return new Actor(Actor.Kind.USER, u.id, null, u.name, platform, Map.copyOf(roles), Set.of());
    }
}
