package vn.htxconnect.catalog.internal.imports;

import java.time.Instant;
import java.util.List;

import vn.htxconnect.platform.GlobalId;

/**
 * The report of one CSV import, readable while it runs: counts so far and the rows processed.
 * {@code rowErrorCount} counts every error; only the first {@link ProductImportService#MAX_STORED_ERRORS}
 * are kept, and likewise for warnings. {@code warnedCount} counts rows imported with warnings
 * (e.g. an expired certificate kept as history); {@code warnings} are remarks on the file as a whole.
 */
public record ProductImport(
        long databaseId, long organizationId, String fileName, ProductImportStatus status, int totalRows,
        int processedRows, int createdCount, int updatedCount, int unchangedCount, int rejectedCount,
        int rowErrorCount, int warnedCount, int rowWarningCount, List<String> warnings, String failureMessage, Instant createdAt, Instant startedAt,
        Instant finishedAt) {

    public static final String TYPE = "ProductImport";

    /** Opaque global ID. */
    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** Share of rows processed, 0 to 1. */
    public double progress() {
        return totalRows == 0 ? 1 : (double) processedRows / totalRows;
    }
}
