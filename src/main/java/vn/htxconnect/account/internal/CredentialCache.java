package vn.htxconnect.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.htxconnect.platform.Actor;

/**
 * Bearer tokens already checked, with the actor they stand for, for a few seconds ({@code htx.security.credential-cache-ttl},
 * 5 s; 0 turns it off). Checking a token costs a signature check or a hash plus two SQL statements (the user and their
 * memberships, or the key): the largest share of a search's own CPU in profile 2 (docs/performance.md), paid again
 * by every request of a client that sends many. A change to a user, a membership or a key forgets that person's or
 * key's entries at once and again when its transaction commits, so on this instance a removed member or a revoked
 * key is refused on the next request; other instances of the app notice within the TTL. Refused tokens are never
 * kept, and no entry outlives its token.
 */
@Component
class CredentialCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(ActorAuthentication authentication, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    CredentialCache(SecurityProperties properties) {
        this.ttlNanos = properties.credentialCacheTtl().toNanos();
    }

    /** The authentication of a token checked within the TTL, else null. */
    ActorAuthentication get(String token) {
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.expiresAtNanos >= 0) {
            entries.remove(token, e);
            return null;
        }
        return e.authentication();
    }

    /** Keeps a token that was just checked, until the TTL or its own expiry, whichever comes first. */
    void put(String token, ActorAuthentication authentication, Instant tokenExpiresAt) {
        if (ttlNanos <= 0) {
            return;
        }
        long ttl = ttlNanos;
        if (tokenExpiresAt != null) {
            ttl = Math.min(ttl, Duration.between(Instant.now(), tokenExpiresAt).toNanos());
            if (ttl <= 0) {
                return;
            }
        }
        if (entries.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            entries.values().removeIf(x -> now - x.expiresAtNanos >= 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(authentication, System.nanoTime() + ttl));
    }

    /** Forgets a user's tokens now and when the current transaction (if any) ends. */
    void forgetUser(long userId) {
        forget(a -> a.kind() == Actor.Kind.USER && a.userId() != null && a.userId() == userId);
    }

    /** Forgets an API key's tokens now and when the current transaction (if any) ends. */
    void forgetKey(long keyId) {
        forget(a -> a.kind() == Actor.Kind.API_KEY && a.apiKeyId() != null && a.apiKeyId() == keyId);
    }

    private void forget(Predicate<Actor> whose) {
        Runnable drop = () -> entries.values().removeIf(e -> whose.test((Actor) e.authentication().getPrincipal()));
        drop.run();
        // A request that read the old rows before the commit may put them back meanwhile: forget once more after it.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop.run();
                }
            });
        }
    }

    int size() {
        return entries.size();
    }
}
