package vn.htxconnect.account.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.Actor;

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

    @Transactional(readOnly = true)
    Optional<Actor> forUser(long userId) {
        return users.findById(userId).map(u -> {
            Map<Long, Actor.OrgRole> roles = new LinkedHashMap<>();
            memberships.findByUserId(userId).forEach(m -> roles.put(m.organizationId, m.role));
            Set<Actor.PlatformRole> platform = u.platformRole == null ? Set.of() : EnumSet.of(u.platformRole);
            return new Actor(Actor.Kind.USER, u.id, null, u.name, platform, Map.copyOf(roles), Set.of());
        });
    }
}
