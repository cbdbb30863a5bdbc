package vn.htxconnect.catalog.internal.imports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.GlobalId;

/**
 * An import report as the REST endpoints return it (JSON), with the stored row errors and row warnings
 * ({@code warned} rows were imported with warnings; {@code warnings} are remarks on the file as a whole).
 */
record ProductImportReport(
        String id, String organizationId, String fileName, ProductImportStatus status, int totalRows,
        int processedRows, double progress, int created, int updated, int unchanged, int rejected, int warned,
        int errorCount, boolean errorsTruncated, int rowWarningCount, boolean rowWarningsTruncated,
        List<String> warnings, String failureMessage, String createdAt, String startedAt, String finishedAt,
        String location, List<ProductImportError> errors, List<ProductImportError> rowWarnings) {

    static ProductImportReport of(ProductImport r, List<ProductImportError> errors, List<ProductImportError> rowWarnings) {
        String org = GlobalId.encode(Organization.TYPE, r.organizationId());
        return new ProductImportReport(r.id(), org, r.fileName(), r.status(), r.totalRows(), r.processedRows(),
                r.progress(), r.createdCount(), r.updatedCount(), r.unchangedCount(), r.rejectedCount(), r.warnedCount(),
                r.rowErrorCount(), errors.size() < r.rowErrorCount(), r.rowWarningCount(),
                rowWarnings.size() < r.rowWarningCount(), r.warnings(), r.failureMessage(),
                time(r.createdAt()), time(r.startedAt()), time(r.finishedAt()), location(org, r.id()), errors, rowWarnings);
    }

    static String location(String organizationId, String importId) {
        return "/api/organizations/" + organizationId + "/product-imports/" + importId;
    }

    /** ISO-8601 with offset, as the GraphQL DateTime scalar writes it. */
    private static String time(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC).toString();
    }
}
