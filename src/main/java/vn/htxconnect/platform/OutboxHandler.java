package vn.htxconnect.platform;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;

/**
 * A side effect of committed changes, run from the outbox: a module implements it as a bean for the
 * outbox types its writers {@link Outbox#enqueue enqueue}. The platform's dispatcher claims due events,
 * hands each handler all events of its types in the batch at once (so it can send one bulk request),
 * inside the transaction that claimed them, and deletes the events the handler does not return.
 *
 * <p>Events may repeat, come out of order or come again after a partial success: a handler reads the
 * current state and converges. Handlers run in {@link org.springframework.core.annotation.Order @Order}
 * (lower first): those that keep derived data ({@link #WRITES_DERIVED_DATA}) before those that read it
 * ({@link #READS_DERIVED_DATA}), so a reader sees what the same batch just wrote.
 */
public interface OutboxHandler {

    /** Order of handlers that keep derived data up to date (indices). */
    int WRITES_DERIVED_DATA = 0;
    /** Order of handlers that read derived data (discovery reading an index). */
    int READS_DERIVED_DATA = 100;

    /** The outbox {@code aggregate_type}s this handler owns; each type has exactly one handler. */
    Set<String> aggregateTypes();

    /**
     * Handles this batch's events of the handler's types; returns those to retry later with backoff
     * (empty when all were handled). Throwing retries all of them.
     */
    Collection<OutboxEvent> handle(OutboxBatch batch) throws IOException;
}
