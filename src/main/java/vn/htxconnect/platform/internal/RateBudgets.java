package vn.htxconnect.platform.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Leaky-bucket budgets per caller. Held in this instance's memory: with several instances behind
 * a load balancer each enforces its own share (sticky routing or a shared store would make them
 * exact; an accepted trade-off until traffic demands it).
 */
@Component
class RateBudgets {

    private final LimitsProperties limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateBudgets(LimitsProperties limits) {
        this.limits = limits;
    }

    /** Takes {@code points} if the bucket holds them; returns the outcome and what is left. */
    Result take(String caller, long points) {
        if (buckets.size() > 100_000) {
            long now = System.nanoTime();
            buckets.entrySet().removeIf(e -> e.getValue().full(now));
        }
        return buckets.computeIfAbsent(caller, k -> new Bucket(limits.budget())).take(points, limits);
    }

    void refund(String caller, long points) {
        Bucket b = buckets.get(caller);
        if (b != null && points > 0) {
            b.refund(points, limits.budget());
        }
    }

    /** Outcome of a take: granted, points remaining, and seconds until enough would be there. */
    record Result(boolean granted, long remaining, long retryAfterSeconds) {
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();
        private final int capacity;

        Bucket(int capacity) {
            this.capacity = capacity;
            this.tokens = capacity;
        }

        synchronized Result take(long points, LimitsProperties limits) {
            refill(limits.refillPerSecond());
            if (tokens >= points) {
                tokens -= points;
                return new Result(true, (long) tokens, 0);
            }
            long wait = (long) Math.ceil((points - tokens) / Math.max(1, limits.refillPerSecond()));
            return new Result(false, (long) tokens, Math.max(1, wait));
        }

        synchronized void refund(long points, int capacity) {
            tokens = Math.min(capacity, tokens + points);
        }

        private void refill(int perSecond) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            last = now;
        }

        synchronized boolean full(long now) {
            return tokens >= capacity && now - last > 3_600_000_000_000L;
        }
    }
}
