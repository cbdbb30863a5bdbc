package vn.htxconnect.catalog.internal.imports;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.htxconnect.platform.UserErrorCode;

/** The import reports in MySQL ({@code product_import}, {@code product_import_error}, {@code product_import_warning}). */
@Repository
class ProductImportJobs {

    private static final String COLUMNS = """
            id, organization_id, file_name, status, total_rows, processed_rows, created_count, updated_count,
            unchanged_count, rejected_count, error_count, warned_count, warning_count, warnings, failure_message, created_at,
            started_at, finished_at""";

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    ProductImportJobs(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /**
     * {@code htx.catalog.imports}: import jobs by what happened to them on this instance (queued, started, done,
     * failed); queued minus done and failed is what waits or runs. {@code htx.catalog.import.rows}: their rows by
     * outcome (created, updated, unchanged, rejected). Counted beside the report's own writes, a few per chunk.
     */
    private void job(String event, long n) {
        if (n > 0) {
            meters.counter("htx.catalog.imports", "event", event).increment(n);
        }
    }

    private void rows(String outcome, long n) {
        if (n > 0) {
            meters.counter("htx.catalog.import.rows", "outcome", outcome).increment(n);
        }
    }

    /**
     * Counts of one chunk of rows, added to the report in the chunk's transaction; {@code warned} counts
     * imported rows with warnings, {@code warnings} the warnings of all rows.
     */
    record Tally(int processed, int created, int updated, int unchanged, int rejected, int errors, int warned,
                 int warnings) {
    }

    long create(long organizationId, String fileName, int totalRows, List<String> warnings) {
        Timestamp now = Timestamp.from(Instant.now());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO product_import (organization_id, file_name, status, total_rows, warnings, created_at, updated_at)
                    VALUES (?, ?, 'QUEUED', ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, organizationId);
            ps.setString(2, fileName);
            ps.setInt(3, totalRows);
            ps.setString(4, warnings.isEmpty() ? null : String.join("\n", warnings));
            ps.setTimestamp(5, now);
            ps.setTimestamp(6, now);
            return ps;
        }, key);
        job("queued", 1);
        return key.getKey().longValue();
    }

    /** Moves a queued import to RUNNING; false when it is no longer queued (e.g. given up as stale). */
    boolean start(long id) {
        Timestamp now = Timestamp.from(Instant.now());
        boolean started = jdbc.update("UPDATE product_import SET status = 'RUNNING', started_at = ?, updated_at = ? "
                + "WHERE id = ? AND status = 'QUEUED'", now, now, id) == 1;
        job("started", started ? 1 : 0);
        return started;
    }

    void record(long id, Tally t, List<ProductImportError> errorsToStore, List<ProductImportError> warningsToStore) {
        jdbc.update("""
                UPDATE product_import SET processed_rows = processed_rows + ?, created_count = created_count + ?,
                  updated_count = updated_count + ?, unchanged_count = unchanged_count + ?,
                  rejected_count = rejected_count + ?, error_count = error_count + ?, warned_count = warned_count + ?,
                  warning_count = warning_count + ?, updated_at = ?
                WHERE id = ?""", t.processed(), t.created(), t.updated(), t.unchanged(), t.rejected(), t.errors(),
                t.warned(), t.warnings(), Timestamp.from(Instant.now()), id);
        rows("created", t.created());
        rows("updated", t.updated());
        rows("unchanged", t.unchanged());
        rows("rejected", t.rejected());
        insert("product_import_error", id, errorsToStore);
        insert("product_import_warning", id, warningsToStore);
    }

    private void insert(String table, long id, List<ProductImportError> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + table + " (import_id, row_no, column_name, code, message) "
                    + "VALUES (?, ?, ?, ?, ?)", rows.stream()
                    .map(e -> new Object[] {id, e.row(), e.column(), e.code().name(), e.message()}).toList());
        }
    }

    void finish(long id) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("UPDATE product_import SET status = 'DONE', finished_at = ?, updated_at = ? WHERE id = ?", now, now, id);
        job("done", 1);
    }

    void fail(long id, String message) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("UPDATE product_import SET status = 'FAILED', failure_message = ?, finished_at = ?, updated_at = ? "
                + "WHERE id = ?", message, now, now, id);
        job("failed", 1);
    }

    /** Gives up on imports whose report has not moved since {@code before}: their instance stopped. */
    int failStale(Instant before, String message) {
        Timestamp now = Timestamp.from(Instant.now());
        int n = jdbc.update("UPDATE product_import SET status = 'FAILED', failure_message = ?, finished_at = ?, "
                + "updated_at = ? WHERE status IN ('QUEUED', 'RUNNING') AND updated_at < ?",
                message, now, now, Timestamp.from(before));
        job("failed", n);
        return n;
    }

    Optional<ProductImport> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM product_import WHERE id = ?", ProductImportJobs::report, id)
                .stream().findFirst();
    }

    /** Stored errors in row order, {@code limit} from {@code offset}. */
    List<ProductImportError> errors(long importId, int offset, int limit) {
        return findings("product_import_error", importId, offset, limit);
    }

    int storedErrorCount(long importId) {
        return count("product_import_error", importId);
    }

    /** Stored warnings in row order, {@code limit} from {@code offset}. */
    List<ProductImportError> warnings(long importId, int offset, int limit) {
        return findings("product_import_warning", importId, offset, limit);
    }

    int storedWarningCount(long importId) {
        return count("product_import_warning", importId);
    }

    private List<ProductImportError> findings(String table, long importId, int offset, int limit) {
        return jdbc.query("SELECT row_no, column_name, code, message FROM " + table + " WHERE import_id = ? "
                + "ORDER BY row_no, id LIMIT ? OFFSET ?", (rs, i) -> new ProductImportError(rs.getInt(1), rs.getString(2),
                UserErrorCode.valueOf(rs.getString(3)), rs.getString(4)), importId, limit, offset);
    }

    private int count(String table, long importId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE import_id = ?", Integer.class, importId);
        return n == null ? 0 : n;
    }

    private static ProductImport report(ResultSet rs, int rowNum) throws SQLException {
        String warnings = rs.getString("warnings");
        return new ProductImport(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("file_name"),
                ProductImportStatus.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("processed_rows"),
                rs.getInt("created_count"), rs.getInt("updated_count"), rs.getInt("unchanged_count"),
                rs.getInt("rejected_count"), rs.getInt("error_count"), rs.getInt("warned_count"), rs.getInt("warning_count"),
                warnings == null ? List.of() : Arrays.asList(warnings.split("\n")), rs.getString("failure_message"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
