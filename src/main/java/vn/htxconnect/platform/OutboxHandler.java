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
     * Handles this batch's events of the handler's types; returns those its target refused, to retry
     * later with per-event exponential backoff (empty when all were handled). Throwing means the target
     * could not be reached at all: if {@link #reachable()} then says so too, the handler is down and its
     * events wait, without counting as failed attempts, until a probe finds the target again; otherwise
     * all of the batch is retried with backoff.
     */
    Collection<OutboxEvent> handle(OutboxBatch batch) throws IOException;

    /**
     * Whether the target answers now: a cheap check with a short timeout (a ping, not a write), asked
     * after {@link #handle} threw and then about once a second while the target is down; the first
     * {@code true} releases the waiting events at once. The default, for a handler that cannot tell,
     * keeps every failure on per-event backoff.
     */
    default boolean reachable() {
        return true;
    }
}
