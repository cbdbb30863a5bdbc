package vn.htxconnect.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;

/**
 * A module's part of draining the outbox: the search module's outbox indexer hands it the IDs of
 * changed aggregates of its type, batched, after making sure its index exists. Implement it as a
 * bean; products are handled by the search module itself.
 */
public interface AggregateIndexer {

    /** The outbox {@code aggregate_type} this indexer handles, e.g. {@code sourcing_request}. */
    String aggregateType();

    /** The logical index (file name in {@code search-config/indices/}) it writes to. */
    String logicalIndex();

    /**
     * Writes the aggregates' current state into {@code index} (an alias); returns the IDs whose
     * write failed, to retry later. Must converge when called again with the same IDs.
     */
    Set<Long> index(Collection<Long> ids, String index) throws IOException;
}
