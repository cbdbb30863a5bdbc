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
 * every event is handled by exactly one of them. Events a handler fails on (its target, say
 * Elasticsearch, is down) stay with exponential backoff until it succeeds; a failing handler holds back
 * only its own events. An event type nobody handles stays too, loudly: it is a wiring mistake or an event
 * from a newer release, and deleting it would lose a side effect for good.
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
    private volatile long lastDatabaseWarning;

    OutboxDispatcher(Outbox outbox, List<OutboxHandler> handlers, PlatformTransactionManager transactions,
                     OutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.outbox = outbox;
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
    }

    @Scheduled(fixedDelayString = "${htx.outbox.poll-interval:200ms}", initialDelayString = "1s")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        try {
            int claimed;
            do {
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
            byHandler.forEach((handler, batch) -> {
                if (!batch.isEmpty()) {
                    dispatch(handler, batch, done, retry);
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
            return events.size();
        });
        return n == null ? 0 : n;
    }

    private void dispatch(OutboxHandler handler, List<OutboxEvent> batch, List<Long> done,
                          Map<String, List<OutboxEvent>> retry) {
        Set<Long> failed = new HashSet<>();
        String error;
        try {
            Collection<OutboxEvent> returned = handler.handle(new OutboxBatch(batch));
            returned.forEach(e -> failed.add(e.id()));
            error = "not handled by " + name(handler);
            if (!failed.isEmpty()) {
                log.warn("{} outbox events failed in {}; retrying later", failed.size(), name(handler));
            }
        } catch (IOException | RuntimeException ex) {
            batch.forEach(e -> failed.add(e.id()));
            error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
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

    /** {@code htx.outbox.events} by type and outcome: handled, retried (backoff) or unhandled (no handler). */
    private void count(List<OutboxEvent> events, String outcome) {
        Map<String, Long> perType = new HashMap<>();
        events.forEach(e -> perType.merge(e.aggregateType(), 1L, Long::sum));
        perType.forEach((type, n) -> meters.counter("htx.outbox.events", "type", type, "outcome", outcome).increment(n));
    }

    private static String name(OutboxHandler handler) {
        return AopUtils.getTargetClass(handler).getSimpleName();
    }
}
