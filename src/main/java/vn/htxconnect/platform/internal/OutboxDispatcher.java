package vn.htxconnect.platform.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.platform.OutboxHandler;

/**
 * Drains the outbox into the modules' {@link OutboxHandler}s. Each batch is claimed with
 * {@code SKIP LOCKED} inside a transaction that also deletes the handled rows, so with several instances
 * every event is handled by exactly one of them. Two kinds of failure are told apart:
 * <ul>
 * <li>events a handler returns were refused by its target: each stays with exponential backoff, so one
 *     document Elasticsearch keeps refusing does not cost a request per poll;</li>
 * <li>a handler that throws and whose {@link OutboxHandler#reachable probe} fails too is down: its events
 *     are held without counting an attempt, it is not called while down, and its target is probed about
 *     once a second; the first successful probe releases all its held events (whichever instance held
 *     them), so the backlog drains within a poll or two of the target answering, however long it was down.</li>
 * </ul>
 * A failing handler holds back only its own events. An event type nobody handles stays too, loudly: it is
 * a wiring mistake or an event from a newer release, and deleting it would lose a side effect for good.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final List<OutboxHandler> handlers;
    private final Map<String, OutboxHandler> byType = new HashMap<>();
    private final TransactionTemplate tx;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final OutboxTargets targets;
    private volatile long lastDatabaseWarning;
    /** One drain at a time on this instance: the scheduled poll and a wake-up after a commit take turns. */
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    OutboxDispatcher(Outbox outbox, List<OutboxHandler> handlers, PlatformTransactionManager transactions,
                     OutboxProperties properties, ObjectProvider<MeterRegistry> meters, OutboxTargets targets,
                     OutboxSignal signal) {
        this.outbox = outbox;
        signal.onCommit(this::wake);
        this.handlers = new ArrayList<>(handlers);
        AnnotationAwareOrderComparator.sort(this.handlers);
        for (OutboxHandler h : this.handlers) {
            for (String type : h.aggregateTypes()) {
                OutboxHandler other = byType.putIfAbsent(type, h);
                if (other != null) {
                    throw new IllegalStateException("Outbox type " + type + " has two handlers: " + name(other)
                            + " and " + name(h));
                }
            }
        }
        // Read committed: rows the claim examines but does not take are not kept locked.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionTemplate.ISOLATION_READ_COMMITTED);
        this.properties = properties;
        this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
        this.targets = targets;
        Gauge.builder("htx.outbox.handlers.down", targets, t -> t.down().size())
                .description("Outbox handlers whose target is unreachable; their events wait for it")
                .register(this.meters);
    }

    /**
     * Events were committed on this instance: drain now, on a virtual thread of its own (the committing request
     * does not wait). Wake-ups while one is queued are one wake-up; one arriving during a drain queues the next.
     */
    void wake() {
        if (properties.enabled() && wakeQueued.compareAndSet(false, true)) {
            Thread.ofVirtual().name("outbox-wake").start(() -> {
                draining.lock();
                try {
                    // Cleared only once this thread holds the drain: commits before now are in what it drains, and
                    // those during a drain queue exactly one more wake-up (not a waiting thread each).
                    wakeQueued.set(false);
                    drainAll();
                } finally {
                    draining.unlock();
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${htx.outbox.poll-interval:1s}", initialDelayString = "1s")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        draining.lock();
        try {
            drainAll();
        } finally {
            draining.unlock();
        }
    }

    private void drainAll() {
        try {
            int claimed;
            do {
                probeTargets();
                claimed = drainOnce();
            } while (claimed >= properties.batchSize());
        } catch (DataAccessException e) {
            // MySQL unreachable (or its schema being rebuilt): the rows are safe there; try again next poll,
            // with one line in the log rather than a stack trace five times a second.
            long now = System.currentTimeMillis();
            if (now - lastDatabaseWarning > 60_000) {
                lastDatabaseWarning = now;
                log.warn("Outbox not readable, retrying: {}", e.getMostSpecificCause().getMessage());
            }
        }
    }

    /**
     * Probes the handlers that are down (or not probed yet since start), at most once per probe interval
     * each; one that answers is marked up and its held events are made due at once.
     */
    void probeTargets() {
        for (OutboxHandler h : handlers) {
            long now = System.currentTimeMillis();
            if (!targets.probeDue(h, now, properties.probeInterval().toMillis())) {
                continue;
            }
            boolean reachable = probe(h);
            long downSince = targets.since(h);
            OutboxTargets.Change change = targets.probed(h, reachable, now);
            if (change == OutboxTargets.Change.WENT_DOWN) {
                log.warn("{} is unreachable; its outbox events wait and it is probed every {} ms", name(h),
                        properties.probeInterval().toMillis());
            }
            if (!reachable) {
                continue;
            }
            // Marked up before the release, so a pass of this instance that claims the released events
            // hands them to the handler instead of holding them again.
            int released;
            try {
                released = tx.execute(s -> outbox.release(h.aggregateTypes()));
            } catch (DataAccessException e) {
                targets.unknown(h, now);
                throw e;
            }
            if (change == OutboxTargets.Change.CAME_BACK) {
                log.info("{} is reachable again after {} s; {} waiting outbox events released", name(h),
                        (now - downSince) / 1000, released);
            } else if (released > 0) {
                log.info("{} is reachable; {} outbox events an earlier run held were released", name(h), released);
            }
        }
    }

    private static boolean probe(OutboxHandler handler) {
        try {
            return handler.reachable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Handles one batch; returns how many events it claimed. */
    int drainOnce() {
        Integer n = tx.execute(status -> {
            List<OutboxEvent> events = outbox.claim(properties.batchSize());
            if (events.isEmpty()) {
                return 0;
            }
            Map<OutboxHandler, List<OutboxEvent>> byHandler = new LinkedHashMap<>();
            handlers.forEach(h -> byHandler.put(h, new ArrayList<>()));
            List<OutboxEvent> unhandled = new ArrayList<>();
            for (OutboxEvent e : events) {
                OutboxHandler h = byType.get(e.aggregateType());
                (h == null ? unhandled : byHandler.get(h)).add(e);
            }
            List<Long> done = new ArrayList<>();
            Map<String, List<OutboxEvent>> retry = new LinkedHashMap<>();
            Map<String, List<OutboxEvent>> held = new LinkedHashMap<>();
            byHandler.forEach((handler, batch) -> {
                if (batch.isEmpty()) {
                    return;
                }
                if (targets.isDown(handler)
                        && !targets.trialDue(handler, System.currentTimeMillis(), properties.unreachableHold().toMillis())) {
                    // Not called while down: the probe says when it answers again.
                    count(batch, "held");
                    held.computeIfAbsent(name(handler), k -> new ArrayList<>()).addAll(batch);
                } else {
                    dispatch(handler, batch, done, retry, held);
                }
            });
            if (!unhandled.isEmpty()) {
                Set<String> types = new TreeSet<>(unhandled.stream().map(OutboxEvent::aggregateType).toList());
                log.error("{} outbox events of types {} have no handler; they stay in the outbox", unhandled.size(), types);
                count(unhandled, "unhandled");
                retry.computeIfAbsent("no handler for its type", k -> new ArrayList<>()).addAll(unhandled);
            }
            outbox.complete(done);
            retry.forEach((error, failed) -> outbox.retryLater(failed, error));
            held.forEach((error, waiting) -> outbox.hold(waiting, error, properties.unreachableHold()));
            return events.size();
        });
        return n == null ? 0 : n;
    }

    private void dispatch(OutboxHandler handler, List<OutboxEvent> batch, List<Long> done,
                          Map<String, List<OutboxEvent>> retry, Map<String, List<OutboxEvent>> held) {
        Set<Long> failed = new HashSet<>();
        String error;
        try {
            Collection<OutboxEvent> returned = handler.handle(new OutboxBatch(batch));
            returned.forEach(e -> failed.add(e.id()));
            if (targets.isDown(handler)) {
                // A trial batch went through although the probe said no: believe the batch.
                long now = System.currentTimeMillis();
                long downSince = targets.since(handler);
                targets.probed(handler, true, now);
                int released = outbox.release(handler.aggregateTypes());
                log.warn("{} handled a trial batch after {} s down although its probe failed (check its reachable());"
                        + " {} waiting outbox events released", name(handler), (now - downSince) / 1000, released);
            }
            error = "not handled by " + name(handler);
            if (!failed.isEmpty()) {
                log.warn("{} outbox events failed in {}; retrying later", failed.size(), name(handler));
            }
        } catch (IOException | RuntimeException ex) {
            error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            if (!probe(handler)) {
                // The target itself is away: not these events' fault, so no backoff; they wait for it.
                if (targets.probed(handler, false, System.currentTimeMillis()) == OutboxTargets.Change.WENT_DOWN) {
                    log.warn("{} is unreachable ({}); its outbox events wait and it is probed every {} ms",
                            name(handler), ex.toString(), properties.probeInterval().toMillis());
                }
                count(batch, "held");
                held.computeIfAbsent(name(handler) + " (" + error + ")", k -> new ArrayList<>()).addAll(batch);
                return;
            }
            batch.forEach(e -> failed.add(e.id()));
            log.warn("{} failed ({}); {} outbox events wait for retry", name(handler), ex, batch.size());
        }
        List<OutboxEvent> again = new ArrayList<>();
        for (OutboxEvent e : batch) {
            if (failed.contains(e.id())) {
                again.add(e);
            } else {
                done.add(e.id());
            }
        }
        count(batch.stream().filter(e -> !failed.contains(e.id())).toList(), "handled");
        count(again, "retried");
        if (!again.isEmpty()) {
            retry.computeIfAbsent(error, k -> new ArrayList<>()).addAll(again);
        }
    }

    /**
     * {@code htx.outbox.events} by type and outcome: handled, retried (backoff), held (the handler's target
     * is unreachable) or unhandled (no handler).
     */
    private void count(List<OutboxEvent> events, String outcome) {
        Map<String, Long> perType = new HashMap<>();
        events.forEach(e -> perType.merge(e.aggregateType(), 1L, Long::sum));
        perType.forEach((type, n) -> meters.counter("htx.outbox.events", "type", type, "outcome", outcome).increment(n));
    }

    static String name(OutboxHandler handler) {
        Class<?> type = AopUtils.getTargetClass(handler);
        return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    }
}
