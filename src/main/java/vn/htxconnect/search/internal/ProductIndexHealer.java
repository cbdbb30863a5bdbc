package vn.htxconnect.search.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Outbox;

/**
 * Notices a product index that is missing or far behind MySQL (Elasticsearch lost its data: a new node, a wiped
 * disk, an index deleted by hand) and rebuilds it from MySQL with a full reindex in the background. Checks once the
 * app is ready (never delaying its start) and then every {@code htx.search.heal-interval}: does the alias exist, and
 * how many documents does it hold against MySQL's active products of active organizations? Meanwhile search answers
 * from what exists and says so ({@link #extension}), and health reports the index as degraded until it caught up.
 * <p>
 * Several instances may notice at once; the reindex's own job lock ({@link SearchJobs}, a unique key in MySQL) lets
 * only one of them rebuild, and the others see its job and report its progress.
 */
@Component
class ProductIndexHealer {

    private static final Logger log = LoggerFactory.getLogger(ProductIndexHealer.class);
    /** While a rebuild runs, its progress and end are looked at this often (health and search show them). */
    static final Duration REBUILD_POLL = Duration.ofSeconds(1);
    /** Organizations with pending outbox events whose products are counted as in flight; more: the backlog explains all. */
    static final int PENDING_ORGANIZATIONS = 100;
    /** A search that found no index wakes the check at most this often. */
    static final Duration NUDGE_SPACING = Duration.ofSeconds(1);

    /** What the last check found. */
    enum State {
        /** Not checked yet (or self-healing is off). */
        UNKNOWN,
        /** The alias exists and holds about as many products as MySQL lists. */
        OK,
        /** No alias: a search found none, the check is about to rebuild. */
        MISSING,
        /** Far behind, and a rebuild that just finished did not bring it in line: left for an operator. */
        BEHIND,
        /** Missing or far behind, and a full reindex from MySQL is running. */
        REBUILDING,
        /** Elasticsearch does not answer. */
        UNREACHABLE
    }

    /**
     * A check's findings.
     *
     * @param indexed documents searchable through the alias now
     * @param expected active products of active organizations in MySQL
     * @param rebuilt products the running rebuild has loaded so far (REBUILDING only)
     * @param jobId the running rebuild's job (REBUILDING only)
     */
    record Snapshot(State state, long indexed, long expected, long rebuilt, String jobId, Instant lastCheck) {

        /** Whether search answers from less than the catalogue because of it. */
        boolean degraded() {
            return state == State.MISSING || state == State.BEHIND || state == State.REBUILDING;
        }
    }

    private final ElasticsearchClient client;
    private final IndexManager indices;
    private final ProductReindexer reindexer;
    private final SearchJobs jobs;
    private final ProductService products;
    private final OrganizationService organizations;
    private final Outbox outbox;
    private final SearchProperties properties;

    private volatile Snapshot snapshot = new Snapshot(State.UNKNOWN, 0, 0, 0, null, null);
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean stopped;
    private volatile Thread loop;
    private volatile long lastNudge = System.nanoTime() - NUDGE_SPACING.toNanos();
    /** The last rebuild this instance started: when it succeeded and the index is still short, it is not repeated. */
    private volatile Long startedJob;

    ProductIndexHealer(ElasticsearchClient client, IndexManager indices, ProductReindexer reindexer, SearchJobs jobs,
                       ProductService products, OrganizationService organizations, Outbox outbox,
                       SearchProperties properties) {
        this.client = client;
        this.indices = indices;
        this.reindexer = reindexer;
        this.jobs = jobs;
        this.products = products;
        this.organizations = organizations;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** Starts checking once the app serves: a rebuild at a million products takes minutes and must not hold start-up. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.healIndex() || loop != null) {
            return;
        }
        loop = Thread.ofVirtual().name("product-index-healer").start(this::run);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        wake.release();
    }

    private void run() {
        while (!stopped) {
            check();
            Duration wait = snapshot.state() == State.REBUILDING && REBUILD_POLL.compareTo(properties.healInterval()) < 0
                    ? REBUILD_POLL : properties.healInterval();
            try {
                wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** What the last check found. */
    Snapshot snapshot() {
        return snapshot;
    }

    /**
     * A search found no index behind the alias: until the next check says more, searches say the index is missing,
     * and the check runs now rather than at its next turn.
     */
    void missingSeen() {
        if (loop == null) {
            // Self-healing is off: nothing would look again and clear the mark.
            return;
        }
        Snapshot s = snapshot;
        if (s.state() == State.OK || s.state() == State.UNKNOWN) {
            snapshot = new Snapshot(State.MISSING, 0, s.expected(), 0, null, s.lastCheck());
        }
        long now = System.nanoTime();
        if (now - lastNudge > NUDGE_SPACING.toNanos()) {
            lastNudge = now;
            wake.release();
        }
    }

    /**
     * What a search response carries in {@code extensions.searchIndex} while the index is missing or being rebuilt
     * (results come from what exists, perhaps nothing); null when the index is whole.
     */
    Map<String, Object> extension() {
        Snapshot s = snapshot;
        if (!s.degraded()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", s.state().name());
        out.put("indexed", s.indexed());
        out.put("expected", s.expected());
        if (s.state() == State.REBUILDING) {
            out.put("rebuilt", s.rebuilt());
        }
        return out;
    }

    /** Compares the index with MySQL and starts a rebuild when it is missing or far behind. */
    void check() {
        Instant now = Instant.now();
        Snapshot before = snapshot;
        if (!indices.reachable()) {
            snapshot = new Snapshot(State.UNREACHABLE, before.indexed(), before.expected(), 0, null, now);
            return;
        }
        long indexed = before.indexed();
        long expected = before.expected();
        try {
            String alias = indices.alias(IndexManager.PRODUCTS);
            boolean exists = client.indices().existsAlias(a -> a.name(alias)).value();
            indexed = exists ? client.count(c -> c.index(alias)).count() : 0;
            if (before.state() == State.REBUILDING) {
                // Degraded until the rebuild has caught up. Its progress is looked at every second, without counting
                // MySQL's products each time (a third of a second at a million, on every instance).
                Optional<SearchJob> running = jobs.running(SearchJob.Kind.PRODUCT_REINDEX);
                if (running.isPresent()) {
                    snapshot = rebuilding(running.get(), indexed, expected, now);
                    return;
                }
            }
            expected = products.countActive(organizations.idsNotActive());
            if (exists && !farBehind(expected, indexed)) {
                if (before.state() != State.OK && before.state() != State.UNKNOWN) {
                    log.info("Product index {} is in line with MySQL again: {} of {} products", alias, indexed, expected);
                }
                snapshot = new Snapshot(State.OK, indexed, expected, 0, null, now);
                return;
            }
            Optional<SearchJob> running = jobs.running(SearchJob.Kind.PRODUCT_REINDEX);
            if (running.isPresent()) {
                snapshot = rebuilding(running.get(), indexed, expected, now);
                return;
            }
            if (exists && rebuiltRecently()) {
                // A rebuild from MySQL just succeeded and the index is still short: another one would end the same
                // way (documents refused, a count that does not match what is indexed). Say so instead of looping.
                if (before.state() != State.BEHIND) {
                    log.error("Product index {} holds {} of {} products although it was just rebuilt; not rebuilding "
                            + "again for {} (checkProductIndex shows which ones)", alias, indexed, expected, backoff());
                }
                snapshot = new Snapshot(State.BEHIND, indexed, expected, 0, null, now);
                return;
            }
            if (finishedSince(now)) {
                // Another instance's rebuild ended while this check counted: what it counted is already out of date.
                // The next check looks again (a second rebuild would be harmless, only wasted).
                snapshot = new Snapshot(before.state(), indexed, expected, 0, null, now);
                return;
            }
            if (!exists) {
                // The next ensure asks Elasticsearch again and creates an empty index behind the alias: searches and
                // the outbox's writes find it while the rebuild loads the next version.
                indices.invalidate();
            }
            SearchJob job = reindexer.start();
            startedJob = job.databaseId();
            log.warn("Product index {} {}: {} of {} products indexed; rebuilding from MySQL (job {})", alias,
                    exists ? "is far behind" : "is missing", indexed, expected, job.id());
            snapshot = rebuilding(job, indexed, expected, now);
        } catch (SearchJobs.AlreadyRunning e) {
            snapshot = rebuilding(e.running, indexed, expected, now);
        } catch (Exception e) {
            // Elasticsearch answered its health but not this (or MySQL failed): the next check tries again.
            log.warn("Product index check failed: {}", e.toString());
            snapshot = new Snapshot(indices.reachable() ? before.state() : State.UNREACHABLE, before.indexed(),
                    before.expected(), before.rebuilt(), before.jobId(), now);
        }
    }

    /**
     * Whether the index lacks more than {@code heal-tolerance} products (or 1 % of them, whichever is more) that the
     * outbox is not bringing. Products written moments ago are in the outbox until its handler indexed them, and an
     * import queues thousands at once: a shortfall that the backlog explains heals by itself, and a rebuild would
     * only repeat its work. Each pending product event explains one product, each pending organization event its
     * products (a restored cooperative's products come back with it).
     */
    private boolean farBehind(long expected, long indexed) {
        long allowed = Math.max(properties.healTolerance(), expected / 100);
        long shortBy = expected - indexed;
        if (shortBy <= allowed) {
            return false;
        }
        Outbox.Pending productEvents = outbox.pending(ProductService.OUTBOX_TYPE, 0);
        Outbox.Pending organizationEvents = outbox.pending(OrganizationService.OUTBOX_TYPE, PENDING_ORGANIZATIONS);
        if (organizationEvents.aggregateIds().size() >= PENDING_ORGANIZATIONS) {
            // Too many organizations changing to count their products cheaply: look again when the backlog is smaller.
            return false;
        }
        long inFlight = productEvents.events() + (organizationEvents.aggregateIds().isEmpty() ? 0
                : products.idsOfOrganizations(organizationEvents.aggregateIds()).size());
        return shortBy - inFlight > allowed;
    }

    /** Whether a rebuild finished after {@code start} (on any instance). */
    private boolean finishedSince(Instant start) {
        return jobs.lastSucceeded(SearchJob.Kind.PRODUCT_REINDEX)
                .filter(j -> j.finishedAt() != null && !j.finishedAt().isBefore(start)).isPresent();
    }

    private boolean rebuiltRecently() throws IOException {
        Long id = startedJob;
        if (id == null) {
            return false;
        }
        Optional<SearchJob> job = jobs.find(id).filter(j -> j.status() == SearchJob.Status.SUCCEEDED
                && j.finishedAt() != null && j.finishedAt().isAfter(Instant.now().minus(backoff())));
        // Only while the alias still points at what that rebuild made: an index lost again is rebuilt again.
        return job.isPresent() && indices.aliasTargets(IndexManager.PRODUCTS).contains(job.get().index());
    }

    /** After a rebuild that left the index short, no other starts for ten checks (at least ten minutes). */
    private Duration backoff() {
        Duration tenChecks = properties.healInterval().multipliedBy(10);
        return tenChecks.compareTo(Duration.ofMinutes(10)) > 0 ? tenChecks : Duration.ofMinutes(10);
    }

    private static Snapshot rebuilding(SearchJob job, long indexed, long expected, Instant now) {
        return new Snapshot(State.REBUILDING, indexed, expected, job.processed(), job.id(), now);
    }
}
