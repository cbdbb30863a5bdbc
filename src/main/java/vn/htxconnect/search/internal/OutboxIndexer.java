package vn.htxconnect.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.search.AggregateIndexer;

/**
 * Drains the outbox into Elasticsearch. Each batch is claimed with {@code SKIP LOCKED} inside a
 * transaction that also deletes the handled rows, so with several instances every event is handled
 * by exactly one of them; when Elasticsearch is down the events stay, with backoff, until it returns.
 */
@Component
class OutboxIndexer {

    private static final Logger log = LoggerFactory.getLogger(OutboxIndexer.class);

    private final Outbox outbox;
    private final ProductIndexer indexer;
    private final IndexManager indices;
    private final ProductService products;
    private final TransactionTemplate tx;
    private final SearchProperties properties;
    /** Other modules' indexers by outbox aggregate type. */
    private final Map<String, AggregateIndexer> plugins = new HashMap<>();
    private volatile boolean paused;

    OutboxIndexer(Outbox outbox, ProductIndexer indexer, IndexManager indices, ProductService products,
                  TransactionTemplate tx, SearchProperties properties, List<AggregateIndexer> plugins) {
        plugins.forEach(p -> this.plugins.put(p.aggregateType(), p));
        this.outbox = outbox;
        this.indexer = indexer;
        this.indices = indices;
        this.products = products;
        // Read committed: rows the claim examines but does not take are not kept locked.
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setIsolationLevel(TransactionTemplate.ISOLATION_READ_COMMITTED);
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${htx.search.outbox-poll-interval:200ms}", initialDelayString = "1s")
    void poll() {
        if (!properties.indexerEnabled() || paused) {
            return;
        }
        int handled;
        try {
            do {
                handled = drainOnce();
            } while (handled >= properties.outboxBatchSize());
        } catch (org.springframework.dao.DataAccessException e) {
            // MySQL unreachable (or its schema being rebuilt): the rows are safe there; try again next poll,
            // with one line in the log rather than a stack trace five times a second.
            long now = System.currentTimeMillis();
            if (now - lastDatabaseWarning > 60_000) {
                lastDatabaseWarning = now;
                log.warn("Outbox not readable, retrying: {}", e.getMostSpecificCause().getMessage());
            }
        }
    }

    private volatile long lastDatabaseWarning;

    /** Handles one batch; returns how many events it claimed. */
    int drainOnce() {
        Integer n = tx.execute(status -> {
            List<OutboxEvent> events = outbox.claim(properties.outboxBatchSize());
            if (events.isEmpty()) {
                return 0;
            }
            Map<Long, List<OutboxEvent>> byProduct = new HashMap<>();
            Map<String, Map<Long, List<OutboxEvent>>> byPlugin = new HashMap<>();
            List<OutboxEvent> unknown = new ArrayList<>();
            for (OutboxEvent e : events) {
                switch (e.aggregateType()) {
                    case "product" -> byProduct.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e);
                    case "organization" -> products.idsOfOrganization(e.aggregateId())
                            .forEach(id -> byProduct.computeIfAbsent(id, k -> new ArrayList<>()).add(e));
                    default -> {
                        if (plugins.containsKey(e.aggregateType())) {
                            byPlugin.computeIfAbsent(e.aggregateType(), k -> new HashMap<>())
                                    .computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e);
                        } else {
                            unknown.add(e);
                        }
                    }
                }
            }
            Set<Long> done = new HashSet<>();
            unknown.forEach(e -> done.add(e.id()));
            try {
                Set<Long> failedEvents = new HashSet<>();
                if (!byProduct.isEmpty()) {
                    indices.ensureProducts();
                    ProductIndexer.Result result = indexer.index(byProduct.keySet(), indices.alias(IndexManager.PRODUCTS));
                    result.failed().forEach(pid -> byProduct.get(pid).forEach(e -> failedEvents.add(e.id())));
                }
                for (Map.Entry<String, Map<Long, List<OutboxEvent>>> group : byPlugin.entrySet()) {
                    AggregateIndexer plugin = plugins.get(group.getKey());
                    indices.ensure(plugin.logicalIndex());
                    plugin.index(group.getValue().keySet(), indices.alias(plugin.logicalIndex()))
                            .forEach(id -> group.getValue().get(id).forEach(e -> failedEvents.add(e.id())));
                }
                List<OutboxEvent> retry = new ArrayList<>();
                for (OutboxEvent e : events) {
                    if (failedEvents.contains(e.id())) {
                        retry.add(e);
                    } else {
                        done.add(e.id());
                    }
                }
                outbox.complete(done);
                if (!retry.isEmpty()) {
                    // Perhaps the alias went missing (the writes require it): check it again before the retry.
                    indices.invalidate();
                    log.warn("{} outbox events failed in Elasticsearch; retrying later", retry.size());
                    outbox.retryLater(retry, "bulk item failed");
                }
            } catch (Exception ex) {
                indices.invalidate();
                log.warn("Elasticsearch unavailable ({}); {} outbox events wait for retry", ex.toString(), events.size());
                outbox.complete(done);
                List<OutboxEvent> retry = events.stream().filter(e -> !done.contains(e.id())).toList();
                outbox.retryLater(retry, ex.getClass().getSimpleName() + ": " + ex.getMessage());
            }
            return events.size();
        });
        return n == null ? 0 : n;
    }

    /** Stops draining (tests simulate an unreachable index path; a full reindex may pause too). */
    void setPaused(boolean paused) {
        this.paused = paused;
    }
}
