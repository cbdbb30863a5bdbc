package vn.htxconnect.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live notifications for this instance's subscribers. Notifications are written by whichever
 * instance ran the change (or drained its outbox event), so an in-memory bus would miss most of
 * them behind a load balancer; instead every instance with subscribers reads the table for rows
 * above the last ID it saw, every half second, and hands them to its local subscribers. Nothing
 * is polled while no one subscribes.
 * <p>
 * IDs are allocated when a row is inserted but become visible when its transaction commits, so a
 * lower ID can appear after a higher one. An ID skipped over is remembered as a gap and looked for
 * again until {@link #GAP_TIMEOUT} (a rolled-back insert or an auto-increment jump never fills it).
 */
@Component
class NotificationFeed {

    private static final Logger log = LoggerFactory.getLogger(NotificationFeed.class);
    static final int BATCH = 500;
    /** Longest a writing transaction may hold a notification uncommitted and still have it pushed live. */
    static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);
    static final int MAX_GAPS = 10_000;
    static final int MAX_GAP_WIDTH = 1_000;
    /** Notifications a slow subscriber may fall behind by; older ones are dropped (its list still has them). */
    static final int SUBSCRIBER_BUFFER = 256;

    private final NotificationStore store;
    // All state below is guarded by this.
    private final Map<Long, Sinks.Many<Notification>> sinks = new HashMap<>();
    private final Map<Long, Integer> subscribers = new HashMap<>();
    private final Map<Long, Instant> gaps = new LinkedHashMap<>();
    private long cursor;

    NotificationFeed(NotificationStore store) {
        this.store = store;
    }

    /** Notifications of the organization added from now on, until the subscriber cancels. */
    Flux<Notification> follow(long organizationId) {
        return Flux.defer(() -> attach(organizationId).asFlux())
                .onBackpressureBuffer(SUBSCRIBER_BUFFER, n -> log.debug("Subscriber fell behind; dropped notification {}",
                        n.databaseId()), BufferOverflowStrategy.DROP_OLDEST)
                .doFinally(signal -> detach(organizationId));
    }

    /** How many subscriptions this instance serves for the organization. */
    synchronized int subscribers(long organizationId) {
        return subscribers.getOrDefault(organizationId, 0);
    }

    private synchronized Sinks.Many<Notification> attach(long organizationId) {
        if (sinks.isEmpty()) {
            // Start from what exists now: a subscription shows what is added after it.
            cursor = store.maxId();
            gaps.clear();
        }
        subscribers.merge(organizationId, 1, Integer::sum);
        return sinks.computeIfAbsent(organizationId, k -> Sinks.many().multicast().directBestEffort());
    }

    private synchronized void detach(long organizationId) {
        if (subscribers.merge(organizationId, -1, Integer::sum) <= 0) {
            subscribers.remove(organizationId);
            Sinks.Many<Notification> sink = sinks.remove(organizationId);
            if (sink != null) {
                sink.tryEmitComplete();
            }
        }
    }

    @Scheduled(fixedDelayString = "${htx.notification.poll-interval:500ms}", initialDelayString = "1s")
    synchronized void poll() {
        if (sinks.isEmpty()) {
            return;
        }
        try {
            List<Notification> found = new ArrayList<>();
            Instant now = Instant.now();
            gaps.values().removeIf(since -> since.plus(GAP_TIMEOUT).isBefore(now));
            if (!gaps.isEmpty()) {
                List<Notification> late = store.byIds(List.copyOf(gaps.keySet()));
                late.forEach(n -> gaps.remove(n.databaseId()));
                found.addAll(late);
            }
            List<Notification> fresh = store.after(cursor, BATCH);
            for (Notification n : fresh) {
                // A wide gap is an auto-increment jump, not transactions in flight.
                if (n.databaseId() - cursor <= MAX_GAP_WIDTH) {
                    for (long id = cursor + 1; id < n.databaseId() && gaps.size() < MAX_GAPS; id++) {
                        gaps.put(id, now);
                    }
                }
                cursor = n.databaseId();
            }
            found.addAll(fresh);
            for (Notification n : found) {
                Sinks.Many<Notification> sink = sinks.get(n.organizationId());
                if (sink != null) {
                    sink.tryEmitNext(n);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Notification feed poll failed; retrying: {}", e.toString());
        }
    }
}
