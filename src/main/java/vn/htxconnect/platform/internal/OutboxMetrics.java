package vn.htxconnect.platform.internal;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Outbox backlog gauges for Prometheus: {@code htx.outbox.pending} (events waiting, due or not) and
 * {@code htx.outbox.oldest.age} (seconds since the oldest waiting event was written; 0 when empty). Read from
 * MySQL at most once per {@link #MAX_AGE}, however often and by however many scrapers they are read, and with
 * two cheap statements: the count walks the outbox's smallest index (InnoDB keeps no row count, so this is the
 * cheapest exact count: a few hundred milliseconds at a million waiting events, only in an outage); the oldest
 * event is the first row of the primary key (ids grow with the insert time), one row whatever the backlog,
 * where {@code MIN(created_at)} (unindexed) would read them all. When MySQL does not answer the gauges keep
 * their last values (the database's own health says it is down).
 */
@Component
class OutboxMetrics {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private long readAt = Long.MIN_VALUE;
    private long pending;
    private double oldestSeconds;

    OutboxMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("htx.outbox.pending", this, m -> m.read().pending)
                .description("Outbox events waiting to be handled (due, backing off or held for an unreachable target)")
                .register(meters);
        Gauge.builder("htx.outbox.oldest.age", this, m -> m.read().oldestSeconds)
                .description("Age of the oldest waiting outbox event; 0 when the outbox is empty")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Refreshes the figures if they are older than {@link #MAX_AGE}; one reader at a time. */
    synchronized OutboxMetrics read() {
        long now = System.nanoTime();
        if (readAt != Long.MIN_VALUE && now - readAt < MAX_AGE.toNanos()) {
            return this;
        }
        readAt = now;
        try {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class);
            pending = count == null ? 0 : count;
            Long micros = pending == 0 ? null : jdbc.query("""
                    SELECT TIMESTAMPDIFF(MICROSECOND, created_at, CURRENT_TIMESTAMP(6)) FROM outbox_event
                    ORDER BY id LIMIT 1""", rs -> rs.next() ? rs.getLong(1) : null);
            oldestSeconds = micros == null ? 0 : Math.max(0, micros) / 1_000_000.0;
        } catch (DataAccessException e) {
            log.debug("Outbox figures not readable: {}", e.getMostSpecificCause().getMessage());
        }
        return this;
    }
}
