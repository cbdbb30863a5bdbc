package vn.htxconnect.search.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code search_job} table. A unique key on (kind, running_lock) lets one job of a kind run at a
 * time across all app instances; a running job that stopped sending heartbeats (its instance died)
 * is declared failed so that a new one may start.
 */
@Component
class SearchJobs {

    /** A running job silent for longer than this is taken for dead. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final String COLUMNS = "id, kind, status, target_index, total, processed, caught_up, started_at, "
            + "loaded_at, finished_at, heartbeat_at, error";

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;

    SearchJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Thrown when a job of the same kind is already running. */
    static class AlreadyRunning extends RuntimeException {
        final SearchJob running;

        AlreadyRunning(SearchJob running) {
            super("A " + running.kind() + " job is already running (" + running.id() + ")");
            this.running = running;
        }
    }

    /** Registers a running job, or throws {@link AlreadyRunning}. */
    SearchJob start(SearchJob.Kind kind) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = Instant.now();
            try {
                jdbc.update("""
                        INSERT INTO search_job (kind, status, started_at, heartbeat_at, running_lock)
                        VALUES (?, 'RUNNING', ?, ?, 1)""", kind.name(), ts(now), ts(now));
                return running(kind).orElseThrow();
            } catch (DuplicateKeyException e) {
                SearchJob other = running(kind).orElse(null);
                if (other != null && other.heartbeatAt().isAfter(now.minus(ABANDONED_AFTER))) {
                    throw new AlreadyRunning(other);
                }
                if (other != null) {
                    finish(other.databaseId(), SearchJob.Status.FAILED, "Abandoned: no progress for "
                            + ABANDONED_AFTER.toMinutes() + " minutes (its app instance stopped?)");
                }
            }
        }
        throw new IllegalStateException("Could not register a " + kind + " job");
    }

    Optional<SearchJob> running(SearchJob.Kind kind) {
        return jdbc.query("SELECT " + COLUMNS + " FROM search_job WHERE kind = ? AND running_lock = 1",
                SearchJobs::row, kind.name()).stream().findFirst();
    }

    /** The job of this kind that finished last, successfully. */
    Optional<SearchJob> lastSucceeded(SearchJob.Kind kind) {
        return jdbc.query("SELECT " + COLUMNS + " FROM search_job WHERE kind = ? AND status = 'SUCCEEDED' ORDER BY id DESC "
                + "LIMIT 1", SearchJobs::row, kind.name()).stream().findFirst();
    }

    Optional<SearchJob> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM search_job WHERE id = ?", SearchJobs::row, id).stream().findFirst();
    }

    void loading(long id, String index, long total) {
        jdbc.update("UPDATE search_job SET target_index = ?, total = ?, heartbeat_at = ? WHERE id = ?",
                index, total, ts(Instant.now()), id);
    }

    /** Records progress; batches finish out of order, so the count only ever grows. */
    void progress(long id, long processed) {
        jdbc.update("UPDATE search_job SET processed = GREATEST(processed, ?), heartbeat_at = ? WHERE id = ?",
                processed, ts(Instant.now()), id);
    }

    void loaded(long id, long processed) {
        Instant now = Instant.now();
        jdbc.update("UPDATE search_job SET processed = ?, loaded_at = ?, heartbeat_at = ? WHERE id = ?",
                processed, ts(now), ts(now), id);
    }

    void caughtUp(long id, long caughtUp) {
        jdbc.update("UPDATE search_job SET caught_up = ?, heartbeat_at = ? WHERE id = ?", caughtUp, ts(Instant.now()), id);
    }

    void finish(long id, SearchJob.Status status, String error) {
        Instant now = Instant.now();
        String message = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        jdbc.update("""
                UPDATE search_job SET status = ?, error = ?, finished_at = ?, heartbeat_at = ?, running_lock = NULL
                WHERE id = ?""", status.name(), message, ts(now), ts(now), id);
    }

    /**
     * A DATETIME(6) literal in UTC. Connector/J takes MariaDB for a MySQL 5.5 and drops the fraction of
     * a bound Timestamp; a job of half a second needs it to report its speed.
     */
    private static String ts(Instant i) {
        return DATETIME.format(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static SearchJob row(ResultSet rs, int i) throws SQLException {
        return new SearchJob(rs.getLong("id"), SearchJob.Kind.valueOf(rs.getString("kind")),
                SearchJob.Status.valueOf(rs.getString("status")), rs.getString("target_index"), rs.getLong("total"),
                rs.getLong("processed"), rs.getLong("caught_up"), instant(rs, "started_at"), instant(rs, "loaded_at"),
                instant(rs, "finished_at"), instant(rs, "heartbeat_at"), rs.getString("error"));
    }
}
