package vn.htxconnect.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.internal.OutboxSignal;

/**
 * The transactional outbox. Writers {@link #enqueue} in their own transaction, so a change and the
 * notice that a side effect (an index update, match discovery) must follow it commit or roll back
 * together; the dispatcher {@link #claim}s batches with {@code FOR UPDATE SKIP LOCKED}, so several app
 * instances drain disjoint batches without waiting on each other, and hands them to the modules'
 * {@link OutboxHandler}s. Plain SQL on purpose: Hibernate's dialect for MariaDB-as-MySQL-5.5 would
 * silently drop {@code SKIP LOCKED}.
 */
@Component("transactionalOutbox")
public class Outbox {

    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /**
     * How {@code last_error} of an event waiting for its handler's target starts: {@link #release} frees
     * only these, so an event in its own backoff (one its target keeps refusing) stays there.
     */
    public static final String UNREACHABLE = "target unreachable: ";

    private final JdbcTemplate jdbc;
    private final OutboxSignal signal;

    public Outbox(JdbcTemplate jdbc, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.signal = signal;
    }

    /** Queues one notice; must run inside the writer's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String aggregateType, long aggregateId, String eventType) {
        jdbc.update("INSERT INTO outbox_event (aggregate_type, aggregate_id, event_type) VALUES (?, ?, ?)",
                aggregateType, aggregateId, eventType);
        signal.afterCommit();
    }

    /** Queues many notices in one JDBC batch (imports, reindex of an organization's products). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAll(String aggregateType, Collection<Long> aggregateIds, String eventType) {
        if (aggregateIds.isEmpty()) {
            return;
        }
        List<Object[]> rows = aggregateIds.stream().map(id -> new Object[] {aggregateType, id, eventType}).toList();
        jdbc.batchUpdate("INSERT INTO outbox_event (aggregate_type, aggregate_id, event_type) VALUES (?, ?, ?)", rows);
        signal.afterCommit();
    }

    /**
     * Locks up to {@code limit} due events that no other transaction holds, skipping locked ones
     * instead of waiting. Call inside a transaction; the locks last until it ends. The scan follows
     * the primary key: sorting another index's range would lock every due row (a filesort reads
     * them all), leaving nothing for a second instance.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OutboxEvent> claim(int limit) {
        return jdbc.query("""
                SELECT id, aggregate_type, aggregate_id, event_type, attempts FROM outbox_event FORCE INDEX (PRIMARY)
                WHERE available_at <= CURRENT_TIMESTAMP(6)
                ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5)),
                limit);
    }

    /** Removes handled events. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(Collection<Long> eventIds) {
        if (!eventIds.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM outbox_event WHERE id = ?", eventIds.stream().map(id -> new Object[] {id}).toList());
        }
    }

    /** Puts failed events back with exponential backoff (1 s, 2 s, 4 s … capped at 5 minutes). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void retryLater(Collection<OutboxEvent> events, String error) {
        String message = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
        List<Object[]> rows = events.stream()
                .map(e -> new Object[] {message, backoff(e.attempts() + 1).toMillis() * 1000, e.id()})
                .toList();
        jdbc.batchUpdate("""
                UPDATE outbox_event SET attempts = attempts + 1, last_error = ?,
                  available_at = TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(6)) WHERE id = ?""", rows);
    }

    /**
     * Puts back events whose handler's target is unreachable: they did not fail themselves, so their
     * attempts stay as they are; they wait up to {@code hold} (a safety net: the dispatcher
     * {@link #release}s them as soon as a probe finds the target again).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(Collection<OutboxEvent> events, String error, Duration hold) {
        String message = UNREACHABLE + (error == null ? "unknown" : error);
        String kept = message.substring(0, Math.min(message.length(), 1000));
        List<Object[]> rows = events.stream().map(e -> new Object[] {kept, hold.toMillis() * 1000, e.id()}).toList();
        jdbc.batchUpdate("""
                UPDATE outbox_event SET last_error = ?,
                  available_at = TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(6)) WHERE id = ?""", rows);
    }

    /**
     * Makes the {@link #hold held} events of these types due now, whichever instance held them; returns
     * how many. Events backing off on their own are left alone. Reads only rows not due yet (the due index).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int release(Collection<String> aggregateTypes) {
        if (aggregateTypes.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(aggregateTypes);
        args.add(UNREACHABLE + "%");
        return jdbc.update("UPDATE outbox_event SET available_at = CURRENT_TIMESTAMP(6)"
                + " WHERE available_at > CURRENT_TIMESTAMP(6) AND aggregate_type IN ("
                + String.join(", ", Collections.nCopies(aggregateTypes.size(), "?")) + ") AND last_error LIKE ?",
                args.toArray());
    }

    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        return seconds >= MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    /** How many events wait, and how old the oldest is in seconds (for health and metrics). */
    public Backlog backlog() {
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT COUNT(*) AS pending, COALESCE(MAX(attempts), 0) AS max_attempts,
                  COALESCE(TIMESTAMPDIFF(SECOND, MIN(created_at), CURRENT_TIMESTAMP(6)), 0) AS oldest
                FROM outbox_event""");
        return new Backlog(((Number) row.get("pending")).longValue(), ((Number) row.get("oldest")).longValue(),
                ((Number) row.get("max_attempts")).intValue());
    }

    /**
     * Events of one aggregate type still waiting (due or backing off), and up to {@code idLimit} of their distinct
     * aggregate IDs: a reader of a derived index tells a backlog in flight from data that is lost.
     */
    public Pending pending(String aggregateType, int idLimit) {
        long count = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE aggregate_type = ?", Long.class,
                aggregateType);
        List<Long> ids = count == 0 || idLimit <= 0 ? List.of() : jdbc.queryForList(
                "SELECT DISTINCT aggregate_id FROM outbox_event WHERE aggregate_type = ? LIMIT ?", Long.class,
                aggregateType, idLimit);
        return new Pending(count, ids);
    }

    /** Waiting events of one aggregate type: how many, and some of their aggregate IDs. */
    public record Pending(long events, List<Long> aggregateIds) {
    }

    /** Outbox backlog figures. */
    public record Backlog(long pending, long oldestAgeSeconds, int maxAttempts) {
    }
}
