package vn.htxconnect.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Leaky-bucket budgets per caller, shared by every instance: Bucket4j keeps each caller's bucket in a row of
 * {@code rate_budget} (V29) and takes or refunds points in one short transaction that locks that row
 * ({@code SELECT ... FOR UPDATE} by primary key, {@code UPDATE}, commit), so a caller spread over N instances
 * behind a load balancer has one budget, not N.
 */
@Component
class RateBudgets {

    private static final Logger log = LoggerFactory.getLogger(RateBudgets.class);
    /** A bucket stays this long after it has refilled, then the cleanup may delete it (a full bucket = no row). */
    private static final Duration KEEP_FULL = Duration.ofMinutes(10);
    private static final int CLEANUP_BATCH = 1000;
    private static final int MAX_KEY = 190;

    private final MySQLSelectForUpdateBasedProxyManager<String> store;
    private final BucketConfiguration configuration;
    /**
     * Keys carry the limits they were made with: a bucket written under other limits (a configuration change, a
     * test context with small limits on the same database) is another bucket, not one whose stored limits win.
     */
    private final String namespace;
    private final int refill;
    private final boolean delayed;
    private final Optimization optimization;
    /**
     * Proxies are kept so that Bucket4j's batching can merge the concurrent requests of one caller on this
     * instance into one transaction (it batches per proxy). A proxy holds no budget itself: dropping them all
     * when there are too many loses nothing.
     */
    private final Map<String, Bucket> proxies = new ConcurrentHashMap<>();
    private final AtomicLong lastFailureLog = new AtomicLong();
    /** Points owed back to callers, not yet written. */
    private final Map<String, Long> refunds = new ConcurrentHashMap<>();
    private final Executor refundWriter = Executors.newVirtualThreadPerTaskExecutor();
    private static final int REFUND_WRITERS = 4;
    private final Semaphore refundWriters = new Semaphore(REFUND_WRITERS);

    RateBudgets(LimitsProperties limits, DataSource dataSource,
                @Value("${htx.limits.unsynchronized-points:0}") long unsynchronizedPoints) {
        this.store = Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_budget").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                .build();
        // Bucket4j refills in whole tokens, without rounding errors; at least one point a second.
        this.refill = Math.max(1, limits.refillPerSecond());
        this.configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limits.budget()).refillGreedy(refill, Duration.ofSeconds(1)))
                .build();
        this.namespace = limits.budget() + "/" + refill + ":";
        // 0 (the default): every take is a transaction, the budget exact across instances. More: an instance
        // takes up to that many points of a caller from its own copy of the bucket before writing them (and at
        // least once a second), so each instance may let a caller overspend by that much, for a request path
        // that mostly skips the database. Refunds are always written.
        this.delayed = unsynchronizedPoints > 0;
        this.optimization = delayed
                ? Optimizations.delaying(new DelayParameters(unsynchronizedPoints, Duration.ofSeconds(1)))
                : Optimizations.batching();
    }

    /** Takes {@code points} if the bucket holds them; returns the outcome and what is left. */
    Result take(String caller, long points) {
        try {
            Bucket bucket = bucket(caller);
            // A refund of this caller not yet written (its previous request just ended) is written first, so a
            // caller close to the end of its budget is judged on what it really spent.
            Long owed = delayed ? null : refunds.remove(caller);
            if (owed != null) {
                bucket.addTokens(owed);
            }
            if (points <= 0) {
                return new Result(true, bucket.getAvailableTokens(), 0);
            }
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(points);
            if (probe.isConsumed()) {
                return new Result(true, probe.getRemainingTokens(), 0);
            }
            long nanos = probe.getNanosToWaitForRefill();
            // More than the whole budget never fits; say when the points would have refilled, as before.
            long wait = nanos == Long.MAX_VALUE ? (points - probe.getRemainingTokens() + refill - 1) / refill
                    : (nanos + 999_999_999L) / 1_000_000_000L;
            return new Result(false, probe.getRemainingTokens(), Math.max(1, wait));
        } catch (RuntimeException e) {
            // The budget protects the service; when its store cannot be reached the request is served, not
            // refused (the request itself will find out whether the database is there).
            warn(e);
            return new Result(true, 0, 0);
        }
    }

    /**
     * Gives back points a request reserved and did not use (never above the budget). Written after the answer,
     * off the request's thread: the answer already says what remains, and the caller waits for one transaction
     * per request (the take), not two. Refunds of one caller that pile up meanwhile are written as one.
     */
    void refund(String caller, long points) {
        if (points <= 0) {
            return;
        }
        if (refunds.merge(caller, points, Long::sum) == points) {
            refundWriter.execute(() -> writeRefund(caller));
        }
    }

    private void writeRefund(String caller) {
        // A few writers at a time, so refunds never hold many of the pool's connections; while one waits here,
        // later refunds of its caller add to what it will write.
        refundWriters.acquireUninterruptibly();
        try {
            Long owed = refunds.remove(caller);
            if (owed != null) { // else the caller's next take wrote it
                bucket(caller).addTokens(owed);
            }
        } catch (RuntimeException e) {
            warn(e);
        } finally {
            refundWriters.release();
        }
    }

    /** Writes the refunds still owed now (tests, and before the instance stops). */
    @PreDestroy
    void flushRefunds() {
        for (String caller : List.copyOf(refunds.keySet())) {
            writeRefund(caller);
        }
        // A writer that took its caller's refund off the map before this call may still be writing it (a test saw
        // the next take before that write): all permits free means every such write has ended.
        refundWriters.acquireUninterruptibly(REFUND_WRITERS);
        refundWriters.release(REFUND_WRITERS);
    }

    /** Deletes buckets that have been full for a while, in batches that skip rows other instances hold. */
    @Scheduled(fixedDelayString = "${htx.limits.cleanup-interval:5m}", initialDelayString = "${htx.limits.cleanup-interval:5m}")
    void removeExpired() {
        try {
            for (int i = 0; i < 100 && store.removeExpired(CLEANUP_BATCH) >= CLEANUP_BATCH; i++) {
                // another batch
            }
        } catch (RuntimeException e) {
            warn(e);
        }
    }

    private Bucket bucket(String caller) {
        String key = key(caller);
        Bucket b = proxies.get(key);
        if (b == null) {
            if (proxies.size() > 100_000) {
                proxies.clear();
            }
            b = proxies.computeIfAbsent(key, k -> store.builder()
                    .withOptimization(optimization)
                    .build(k, () -> configuration));
        }
        return b;
    }

    private String key(String caller) {
        String key = namespace + caller;
        if (key.length() <= MAX_KEY && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(caller.getBytes(StandardCharsets.UTF_8));
            return namespace + "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void warn(RuntimeException e) {
        long now = System.currentTimeMillis();
        long last = lastFailureLog.get();
        if (now - last > 60_000 && lastFailureLog.compareAndSet(last, now)) {
            log.warn("Request budgets unavailable, requests are served without them: {}", e.toString());
        }
    }

    /** Outcome of a take: granted, points remaining, and seconds until enough would be there. */
    record Result(boolean granted, long remaining, long retryAfterSeconds) {
    }
}
