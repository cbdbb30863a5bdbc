package vn.htxconnect.search.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;

/**
 * Full reindex of products: builds the next index version from MySQL (refresh off, no replicas, a few
 * {@code _bulk} requests in flight), swaps the alias to it atomically, then catches up on products
 * that changed while it ran. Meanwhile the outbox (ProductIndexHandler) keeps writing to the old index, so search
 * stays complete and fresh throughout; the catch-up re-reads from MySQL whatever it wrote there.
 * Progress is kept in {@code search_job}, readable from any instance; only one reindex runs at a time.
 */
@Component
class ProductReindexer {

    private static final Logger log = LoggerFactory.getLogger(ProductReindexer.class);
    static final int BATCH_SIZE = 1000;
    static final int IN_FLIGHT = 3;
    /**
     * Bulk bodies ready beyond those in flight: a freed slot takes the next one at once, instead of waiting for a
     * reader to finish its page (the readers were busy a third of the time the slots were free).
     */
    static final int READY_AHEAD = 4;
    /** Readers side by side, each over its own ID range: reading and building documents use more than one core. */
    static final int LANES = 2;
    /** A bulk request carries at most this much JSON, however large the products' descriptions. */
    static final long MAX_BULK_BYTES = 8L * 1024 * 1024;
    /**
     * Products changed this long before the job started are caught up too: a transaction that stamped
     * its row just before the start may commit after the batch holding that row was read, and app
     * instances' clocks differ a little.
     */
    static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(1);
    private static final Pattern REPLICAS = Pattern.compile("\"number_of_replicas\"\\s*:\\s*\"?(\\d+)");

    private final ProductService products;
    private final OrganizationService organizations;
    private final ProductIndexer indexer;
    private final IndexManager indices;
    private final SearchJobs jobs;
    private final ElasticsearchClient client;

    ProductReindexer(ProductService products, OrganizationService organizations, ProductIndexer indexer,
                     IndexManager indices, SearchJobs jobs, ElasticsearchClient client) {
        this.products = products;
        this.organizations = organizations;
        this.indexer = indexer;
        this.indices = indices;
        this.jobs = jobs;
        this.client = client;
    }

    /** Starts a reindex in the background; throws {@link SearchJobs.AlreadyRunning} when one runs already. */
    SearchJob start() {
        return start(() -> { });
    }

    /** As {@link #start()}, running {@code beforeSwap} once the new index is loaded (tests change data there). */
    SearchJob start(Runnable beforeSwap) {
        SearchJob job = jobs.start(SearchJob.Kind.PRODUCT_REINDEX);
        Thread.ofVirtual().name("product-reindex-" + job.databaseId()).start(() -> run(job, beforeSwap));
        return job;
    }

    private void run(SearchJob job, Runnable beforeSwap) {
        String index = null;
        boolean swapped = false;
        try {
            indices.ensureProducts();
            dropLeftovers();
            index = indices.createNextVersion(IndexManager.PRODUCTS);
            log.info("Reindex {}: loading {}", job.id(), index);
            long total = products.count();
            jobs.loading(job.databaseId(), index, total);
            long loaded = load(job.databaseId(), index);
            jobs.loaded(job.databaseId(), loaded);
            beforeSwap.run();
            indices.swapAlias(IndexManager.PRODUCTS, index, replicas());
            swapped = true;
            int caughtUp = catchUp(job.startedAt().minus(CATCH_UP_MARGIN));
            jobs.caughtUp(job.databaseId(), caughtUp);
            jobs.finish(job.databaseId(), SearchJob.Status.SUCCEEDED, null);
            log.info("Reindex {}: {} products into {}, {} caught up", job.id(), loaded, index, caughtUp);
        } catch (Exception e) {
            log.warn("Reindex {} failed", job.id(), e);
            if (index != null && !swapped) {
                deleteQuietly(index);
            }
            jobs.finish(job.databaseId(), SearchJob.Status.FAILED, describe(e, swapped));
        }
    }

    /**
     * Loads every product into the new index: {@link #LANES} readers each walk their own ID range in pages (two SQL
     * statements a page, plus one for the page's organizations) and turn each page into ready bulk bodies, while up to
     * {@link #IN_FLIGHT} bulk requests run. The readers read and build the next pages while Elasticsearch indexes
     * the previous ones, up to {@link #READY_AHEAD} bodies ahead, so it always has work.
     */
    private long load(long jobId, String index) throws Exception {
        Load load = new Load(jobId, index);
        long maxId = products.maxId();
        long started = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> lanes = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                long from = maxId * lane / LANES;
                long upTo = lane == LANES - 1 ? maxId : maxId * (lane + 1) / LANES;
                // A lane that fails stops the others at their next page.
                lanes.add(workers.submit(() -> {
                    try {
                        load.readRange(from, upTo, workers);
                    } catch (Exception e) {
                        load.fail(e);
                    }
                }));
            }
            for (Future<?> lane : lanes) {
                lane.get();
            }
            // Closing the executor waits for the bulk requests still running.
        } finally {
            LoadTiming t = load.timing;
            log.info("Reindex load of {}: {} products in {} ms; summed over threads: SQL {} ms, documents {} ms, "
                    + "JSON {} ms, bulk requests {} ms ({} of them, {} MB of documents); readers waited {} ms for "
                    + "room ahead", index, load.processed.get(), (System.nanoTime() - started) / 1_000_000,
                    t.sql.sum() / 1_000_000, t.documents.sum() / 1_000_000, t.json.sum() / 1_000_000,
                    t.bulk.sum() / 1_000_000, t.bulks.sum(), t.bytes.sum() / 1_000_000, t.waiting.sum() / 1_000_000);
        }
        if (load.failure.get() != null) {
            throw load.failure.get();
        }
        return load.processed.get();
    }

    /** The state one load shares between its readers and its bulk requests. */
    private final class Load {

        final long jobId;
        final String index;
        final Semaphore slots = new Semaphore(IN_FLIGHT);
        final Semaphore ahead = new Semaphore(IN_FLIGHT + READY_AHEAD);
        final AtomicLong processed = new AtomicLong();
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final LoadTiming timing = new LoadTiming();
        final Map<Long, Organization> organizationsRead = new ConcurrentHashMap<>();

        Load(long jobId, String index) {
            this.jobId = jobId;
            this.index = index;
        }

        void fail(Exception e) {
            failure.compareAndSet(null, e);
        }

        /**
         * The page's organizations, each read once per load: an organization's products come in runs and across both
         * lanes, and reading its row for every page was a tenth of the readers' CPU (Hibernate, profile 4). One that
         * changes during the load is caught up with its products after the swap, as before.
         */
        Map<Long, Organization> organizationsOf(List<Product> page) {
            Map<Long, Organization> out = new HashMap<>();
            Set<Long> missing = new LinkedHashSet<>();
            for (Product p : page) {
                Organization known = organizationsRead.get(p.organizationId());
                if (known != null) {
                    out.put(known.databaseId(), known);
                } else {
                    missing.add(p.organizationId());
                }
            }
            if (!missing.isEmpty()) {
                Map<Long, Organization> read = organizations.findByIds(missing);
                organizationsRead.putAll(read);
                out.putAll(read);
            }
            return out;
        }

        /** One lane: the products with IDs in ({@code after}, {@code upTo}], page by page. */
        void readRange(long after, long upTo, ExecutorService workers) throws Exception {
            while (failure.get() == null) {
                long t0 = System.nanoTime();
                List<Product> page = products.productsBetween(after, upTo, BATCH_SIZE);
                if (page.isEmpty()) {
                    return;
                }
                after = page.getLast().databaseId();
                Map<Long, Organization> orgs = organizationsOf(page);
                timing.sql.add(System.nanoTime() - t0);
                Map<Long, Product> found = new HashMap<>();
                List<Long> ids = new ArrayList<>(page.size());
                for (Product p : page) {
                    found.put(p.databaseId(), p);
                    ids.add(p.databaseId());
                }
                for (ProductIndexer.Bulk bulk : indexer.prepare(ids, found, orgs, index, MAX_BULK_BYTES, timing)) {
                    long w0 = System.nanoTime();
                    ahead.acquire();
                    timing.waiting.add(System.nanoTime() - w0);
                    if (failure.get() != null) {
                        ahead.release();
                        return;
                    }
                    workers.submit(() -> send(bulk));
                }
            }
        }

        /** Waits for a bulk slot, then sends; a body left when the load has failed is dropped. */
        private void send(ProductIndexer.Bulk bulk) {
            try {
                slots.acquire();
                try {
                    if (failure.get() != null) {
                        return;
                    }
                    long t0 = System.nanoTime();
                    ProductIndexer.Result result = indexer.send(bulk);
                    timing.bulk.add(System.nanoTime() - t0);
                    timing.bulks.increment();
                    timing.bytes.add(bulk.bytes());
                    if (!result.failed().isEmpty()) {
                        write(result.failed(), index);
                    }
                } finally {
                    slots.release();
                }
                // After freeing the slot: the next bulk need not wait for this SQL update.
                jobs.progress(jobId, processed.addAndGet(bulk.ids().size()));
            } catch (Exception e) {
                fail(e);
            } finally {
                ahead.release();
            }
        }
    }

    /** Nanoseconds each phase of a load took, summed over the threads that ran it. */
    private static final class LoadTiming implements ProductIndexer.Timing {

        final LongAdder sql = new LongAdder();
        final LongAdder documents = new LongAdder();
        final LongAdder json = new LongAdder();
        final LongAdder bulk = new LongAdder();
        final LongAdder bulks = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LongAdder waiting = new LongAdder();

        @Override
        public void built(long documentNanos, long jsonNanos) {
            documents.add(documentNanos);
            json.add(jsonNanos);
        }
    }

    /**
     * Writes these products, read again from MySQL, with one bulk request; items Elasticsearch refused get one more
     * try before the job fails.
     */
    private void write(Collection<Long> ids, String index) throws IOException {
        ProductIndexer.Result result = indexer.index(ids, index);
        if (!result.failed().isEmpty()) {
            result = indexer.index(result.failed(), index);
            if (!result.failed().isEmpty()) {
                throw new IllegalStateException(result.failed().size() + " products were refused by Elasticsearch, e.g. "
                        + result.failed().iterator().next());
            }
        }
    }

    /**
     * Re-indexes, now through the alias, every product changed since {@code since}, and every product of an
     * organization changed since then: the outbox wrote those changes to the old index.
     */
    private int catchUp(Instant since) throws IOException {
        Set<Long> ids = new TreeSet<>(products.idsUpdatedSince(since));
        for (Long org : organizations.idsUpdatedSince(since)) {
            ids.addAll(products.idsOfOrganization(org));
        }
        String alias = indices.alias(IndexManager.PRODUCTS);
        List<Long> batch = new ArrayList<>(BATCH_SIZE);
        for (Long id : ids) {
            batch.add(id);
            if (batch.size() == BATCH_SIZE) {
                write(batch, alias);
                batch.clear();
            }
        }
        write(batch, alias);
        // Visible when the job says it is done.
        client.indices().refresh(r -> r.index(alias));
        return ids.size();
    }

    /** Versions neither the alias nor anyone else uses: left by a reindex whose instance died. */
    private void dropLeftovers() throws IOException {
        List<String> live = indices.aliasTargets(IndexManager.PRODUCTS);
        String alias = indices.alias(IndexManager.PRODUCTS);
        for (String name : client.indices().get(g -> g.index(alias + "_v*").ignoreUnavailable(true).allowNoIndices(true))
                .indices().keySet()) {
            if (!live.contains(name) && name.matches(Pattern.quote(alias) + "_v\\d+")) {
                log.info("Deleting leftover index {}", name);
                deleteQuietly(name);
            }
        }
    }

    private void deleteQuietly(String index) {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (Exception e) {
            log.warn("Could not delete index {}: {}", index, e.toString());
        }
    }

    /** Replicas the index definition asks for, restored after the load. */
    static String replicas() {
        Matcher m = REPLICAS.matcher(IndexManager.definition(IndexManager.PRODUCTS));
        return m.find() ? m.group(1) : "0";
    }

    /** A message for the job record: what went wrong, never a stack trace. */
    private static String describe(Throwable e, boolean swapped) {
        // Database exceptions quote their SQL: the log has the details, the API only the kind of failure.
        String what = e instanceof DataAccessException ? "database error (see the server log)"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return (swapped ? "Swapped to the new index, but the catch-up failed (run it again): " : "Nothing changed: ") + what;
    }
}
