package vn.htxconnect.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.htxconnect.platform.Actor;

class CredentialCacheUnitTests {

    private static CredentialCache cache(Duration ttl) {
        return new CredentialCache(new SecurityProperties("", Duration.ofHours(8), "", "", 5, 100, Duration.ofMinutes(15), ttl, false));
    }

    private static ActorAuthentication user(long id) {
        return new ActorAuthentication(new Actor(Actor.Kind.USER, id, null, "u" + id, Set.of(), Map.of(), Set.of()), "t" + id);
    }

    private static ActorAuthentication key(long id) {
        return new ActorAuthentication(new Actor(Actor.Kind.API_KEY, null, id, "k" + id, Set.of(), Map.of(), Set.of("catalog:read")), "k" + id);
    }

    @Test
    void keepsATokenUntilItsOwnExpiryOrTheTtlAndNeverOneAlreadyExpired() throws Exception {
        CredentialCache cache = cache(Duration.ofSeconds(5));
        cache.put("a", user(1), null);
        cache.put("b", user(2), Instant.now().plusMillis(150));
        cache.put("c", user(3), Instant.now().minusSeconds(1));
        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("b")).isNotNull();
        assertThat(cache.get("c")).as("an expired token is not kept").isNull();
        Thread.sleep(300);
        assertThat(cache.get("b")).as("gone with its token").isNull();
        assertThat(cache.get("a")).isNotNull();
    }

    @Test
    void forgetsOnlyThePersonOrKeyThatChanged() {
        CredentialCache cache = cache(Duration.ofSeconds(5));
        cache.put("u1-phone", user(1), null);
        cache.put("u1-laptop", user(1), null);
        cache.put("u2", user(2), null);
        cache.put("key1", key(1), null);
        cache.forgetUser(1);
        assertThat(cache.get("u1-phone")).isNull();
        assertThat(cache.get("u1-laptop")).isNull();
        assertThat(cache.get("u2")).isNotNull();
        assertThat(cache.get("key1")).as("key 1 is not user 1").isNotNull();
        cache.forgetKey(1);
        assertThat(cache.get("key1")).isNull();
    }

    @Test
    void aZeroTtlKeepsNothingAndTheCacheStaysBounded() {
        CredentialCache off = cache(Duration.ZERO);
        off.put("a", user(1), null);
        assertThat(off.get("a")).isNull();
        CredentialCache on = cache(Duration.ofSeconds(5));
        for (int i = 0; i < CredentialCache.MAX_ENTRIES + 10; i++) {
            on.put("t" + i, user(i), null);
        }
        assertThat(on.size()).isLessThanOrEqualTo(CredentialCache.MAX_ENTRIES);
    }
}
