package vn.htxconnect.sourcing.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.platform.OutboxHandler;
import vn.htxconnect.search.IndexAliases;

/**
 * Match discovery, run from the outbox: a request created, changed or resumed looks for the products
 * that match it now, a product listed or changed for the open requests it serves, and both sides are
 * told ({@link MatchAnnouncer}). It writes no index but reads one, after the indexing handlers of the
 * same batch wrote to it; what it could not search is retried with the outbox's backoff, never lost. An
 * index it cannot refresh fails the whole batch (Elasticsearch is away): the outbox then holds its events
 * until a ping answers again rather than backing each one off.
 */
@Component
@Order(OutboxHandler.READS_DERIVED_DATA)
class MatchDiscoveryHandler implements OutboxHandler {

    /** Queued by {@link SourcingManagement} when a request opens or changes while it accepts offers. */
    static final String REQUEST_TYPE = "request_match";
    /** Queued by {@link ProductMatchQueue} when products are listed or change. */
    static final String PRODUCT_TYPE = "product_match";

    private final MatchFinder finder;
    private final MatchAnnouncer announcer;
    private final IndexAliases indices;
    private final ElasticsearchClient client;

    MatchDiscoveryHandler(MatchFinder finder, MatchAnnouncer announcer, IndexAliases indices, ElasticsearchClient client) {
        this.finder = finder;
        this.announcer = announcer;
        this.indices = indices;
        this.client = client;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(REQUEST_TYPE, PRODUCT_TYPE);
    }

    /** Elasticsearch answers (probed while it is down, so discovery resumes as soon as it is back). */
    @Override
    public boolean reachable() {
        return indices.reachable();
    }

    @Override
    public Collection<OutboxEvent> handle(OutboxBatch batch) throws IOException {
        List<OutboxEvent> retry = new ArrayList<>();
        Set<Long> requests = batch.aggregateIds(REQUEST_TYPE);
        if (!requests.isEmpty()) {
            retry.addAll(batch.eventsOf(REQUEST_TYPE, forRequests(requests)));
        }
        Set<Long> products = batch.aggregateIds(PRODUCT_TYPE);
        if (!products.isEmpty()) {
            retry.addAll(batch.eventsOf(PRODUCT_TYPE, forProducts(products)));
        }
        return retry;
    }

    /** Discovery for requests, which reads the product index; returns the IDs to retry. */
    private Collection<Long> forRequests(Set<Long> ids) throws IOException {
        refresh(IndexAliases.PRODUCTS);
        return announce(finder.forRequests(ids));
    }

    /** Discovery for products, which reads the open-requests index; returns the IDs to retry. */
    private Collection<Long> forProducts(Set<Long> ids) throws IOException {
        // With no open request there is nothing to find: a bulk import or a fresh catalogue drains at
        // indexing speed instead of one lead search per product.
        if (!finder.anyOpenRequest()) {
            return Set.of();
        }
        refresh(RequestIndexer.INDEX);
        return announce(finder.forProducts(ids));
    }

    /** Tells what was found; returns what could not be searched. */
    private Collection<Long> announce(MatchFinder.Found found) {
        announcer.announce(found.matches());
        if (!found.failed().isEmpty()) {
            // Perhaps an alias went missing: check it again before the retry.
            indices.invalidate();
        }
        return found.failed();
    }

    /**
     * Makes sure the index exists and its latest writes are searchable: this batch may just have written
     * them. Throws when it cannot (the outbox tells an unreachable cluster from a refusal by probing).
     */
    private void refresh(String logical) throws IOException {
        try {
            indices.ensure(logical);
            client.indices().refresh(r -> r.index(indices.alias(logical)));
        } catch (IOException | RuntimeException e) {
            indices.invalidate();
            throw e;
        }
    }
}
