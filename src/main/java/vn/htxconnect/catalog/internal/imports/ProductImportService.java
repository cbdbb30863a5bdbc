package vn.htxconnect.catalog.internal.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.catalog.internal.ProductImportMerge;
import vn.htxconnect.catalog.internal.ProductImportMerge.ImportOutcome;
import vn.htxconnect.catalog.internal.ProductImportMerge.ImportRow;
import vn.htxconnect.catalog.internal.ProductImportMerge.ImportRowResult;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * Imports a cooperative's product CSV. The file is checked as a whole first (encoding, columns, row
 * count): a refused file writes nothing. Then rows go through the product validator in chunks, one
 * transaction per chunk: valid rows are created or updated by external_ref together with their
 * outbox rows and the report's progress; invalid rows are rejected whole with row, column and reason.
 * Small files run in the caller's request; large ones on a background thread, their report readable
 * as they go.
 */
@Service
class ProductImportService {

    static final int MAX_ROWS = 100_000;
    static final int MAX_STORED_ERRORS = 1_000;
    /** Files up to this many rows are imported within the request; larger ones in the background. */
    static final int SYNC_MAX_ROWS = 2_000;
    static final int CHUNK_ROWS = 500;
    /** A running import's report moves at least once a chunk; one that stood still this long was lost. */
    static final Duration STALE_AFTER = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(ProductImportService.class);

    private final ProductImportMerge products;
    private final ProductImportJobs jobs;
    private final TransactionTemplate tx;
    // Two imports at a time per instance: each holds one connection, the rest of the pool serves requests.
    private final ExecutorService background =
            Executors.newFixedThreadPool(2, Thread.ofVirtual().name("product-import-", 1).factory());

    ProductImportService(ProductImportMerge products, ProductImportJobs jobs, PlatformTransactionManager transactions) {
        this.products = products;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The organization that imports; refuses unknown organizations and those that do not list products. */
    Organization supplier(String organizationId) {
        ValidationErrors errors = new ValidationErrors();
        Organization owner = products.supplier(organizationId, errors);
        if (owner == null) {
            UserError e = errors.list().getFirst();
            throw new ImportRejectedException(e.code(), ImportRejectedException.ORGANIZATION, null, null, e.text());
        }
        Access.requireMember(owner.databaseId());
        return owner;
    }

    /**
     * Checks the file and imports it: within this call when it has at most {@code syncMaxRows} rows
     * (the report comes back DONE), otherwise in the background (the report comes back QUEUED). The
     * report's messages are stored in {@code language}, the uploader's.
     */
    ProductImport submit(Organization owner, String fileName, String text, int maxRows, Message overLimitHint,
                         int syncMaxRows, String language) {
        ProductCsv csv = ProductCsv.read(text, maxRows, overLimitHint);
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        if (name != null && name.length() > 255) {
            name = name.substring(0, 255);
        }
        long id = jobs.create(owner.databaseId(), name, csv.rowCount(),
                csv.warnings().stream().map(w -> Messages.render(w, language)).toList());
        if (csv.rowCount() <= syncMaxRows) {
            run(id, owner, csv, language);
        } else {
            background.execute(() -> run(id, owner, csv, language));
        }
        return jobs.find(id).orElseThrow();
    }

    /** A report, for members of the importing organization and the Alliance only. */
    Optional<ProductImport> find(long id) {
        return jobs.find(id).filter(r -> {
            Actor a = Access.current();
            return a.memberOf(r.organizationId()) || a.isAlliance();
        });
    }

    List<ProductImportError> errors(long importId, int offset, int limit) {
        return jobs.errors(importId, offset, limit);
    }

    int storedErrorCount(long importId) {
        return jobs.storedErrorCount(importId);
    }

    List<ProductImportError> warnings(long importId, int offset, int limit) {
        return jobs.warnings(importId, offset, limit);
    }

    int storedWarningCount(long importId) {
        return jobs.storedWarningCount(importId);
    }

    private void run(long id, Organization owner, ProductCsv csv, String language) {
        if (!jobs.start(id)) {
            return;
        }
        try {
            new Run(id, owner, language).importAll(csv);
            jobs.finish(id);
        } catch (RuntimeException e) {
            String ref = UUID.randomUUID().toString();
            log.error("Product import {} failed (ref {})", id, ref, e);
            jobs.fail(id, Messages.render(Message.of("catalog.import.failed", ref), language));
        }
    }

    /** One import's pass over its rows. */
    private final class Run {

        private final long id;
        private final Organization owner;
        private final String language;
        private final Map<String, Integer> firstRowOfRef = new HashMap<>();
        private final List<ImportRow> chunk = new ArrayList<>(CHUNK_ROWS);
        private final Map<Integer, List<ProductImportError>> cellErrors = new HashMap<>();
        private int errorsSoFar;
        private int warningsSoFar;

        Run(long id, Organization owner, String language) {
            this.language = language;
            this.id = id;
            this.owner = owner;
        }

        void importAll(ProductCsv csv) {
            csv.forEachRow(row -> {
                ProductRowMapper.Mapped mapped = ProductRowMapper.map(row, owner.id(), language);
                List<ProductImportError> errors = new ArrayList<>(mapped.errors());
                String ref = mapped.input().externalRef();
                if (ref != null) {
                    // The same product twice in one file is a spreadsheet mistake: keep the first, name both rows.
                    Integer first = firstRowOfRef.putIfAbsent(ref.toLowerCase(Locale.ROOT), row.number());
                    if (first != null) {
                        errors.add(ProductImportError.of(row.number(), ImportColumn.EXTERNAL_REF.header(), UserErrorCode.DUPLICATE,
                                Message.of("catalog.import.duplicateRef", ProductRowMapper.clip(ref), first), language));
                    }
                }
                if (!errors.isEmpty()) {
                    cellErrors.put(row.number(), errors);
                }
                chunk.add(new ImportRow(row.number(), mapped.input(), !errors.isEmpty()));
                if (chunk.size() == CHUNK_ROWS) {
                    commitChunk();
                }
            });
            if (!chunk.isEmpty()) {
                commitChunk();
            }
        }

        private void commitChunk() {
            try {
                tx.executeWithoutResult(status -> record(products.importRows(owner, chunk)));
            } catch (RuntimeException e) {
                // Typically another writer took an external_ref or changed a product meanwhile. Row by row,
                // one such row cannot sink its neighbours; each row still commits whole or not at all.
                log.warn("Product import {}: chunk failed ({}); retrying row by row", id, e.toString());
                List<ImportRowResult> results = new ArrayList<>(chunk.size());
                for (ImportRow row : chunk) {
                    results.add(importOne(row));
                }
                tx.executeWithoutResult(status -> record(results));
            }
            chunk.clear();
            cellErrors.clear();
        }

        private ImportRowResult importOne(ImportRow row) {
            try {
                return tx.execute(status -> products.importRows(owner, List.of(row))).getFirst();
            } catch (RuntimeException e) {
                log.warn("Product import {}: row {} could not be saved: {}", id, row.rowNumber(), e.toString());
                return new ImportRowResult(row.rowNumber(), ImportOutcome.REJECTED, null, List.of(UserError.of(
                        "externalRef", UserErrorCode.CONFLICT, Message.of("catalog.import.rowConflict"))), List.of());
            }
        }

        /** Adds a chunk's outcome to the report (inside the chunk's transaction when it committed whole). */
        private void record(List<ImportRowResult> results) {
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            int rejected = 0;
            int warned = 0;
            List<ProductImportError> errors = new ArrayList<>();
            List<ProductImportError> warnings = new ArrayList<>();
            for (ImportRowResult r : results) {
                // A rejected row's warnings are kept too: they are still true once its errors are fixed.
                warnings.addAll(findings(r.rowNumber(), r.warnings(), List.of()));
                if (r.outcome() != ImportOutcome.REJECTED && !r.warnings().isEmpty()) {
                    warned++;
                }
                switch (r.outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                    case REJECTED -> {
                        rejected++;
                        errors.addAll(rowErrors(r));
                    }
                }
            }
            int storable = Math.max(0, Math.min(errors.size(), MAX_STORED_ERRORS - errorsSoFar));
            int storableWarnings = Math.max(0, Math.min(warnings.size(), MAX_STORED_ERRORS - warningsSoFar));
            jobs.record(id, new ProductImportJobs.Tally(results.size(), created, updated, unchanged, rejected, errors.size(),
                    warned, warnings.size()), errors.subList(0, storable), warnings.subList(0, storableWarnings));
            errorsSoFar += errors.size();
            warningsSoFar += warnings.size();
        }

        /** The cells that could not be read, then the validator's findings on the other columns. */
        private List<ProductImportError> rowErrors(ImportRowResult r) {
            List<ProductImportError> errors = new ArrayList<>(cellErrors.getOrDefault(r.rowNumber(), List.of()));
            if (errors.stream().anyMatch(e -> e.column() == null)) {
                return errors; // cells out of line with the header: what the validator says of them misleads
            }
            List<String> unreadable = errors.stream().map(ProductImportError::column).toList();
            errors.addAll(findings(r.rowNumber(), r.errors(), unreadable));
            return errors;
        }

        /** The validator's errors or warnings of a row in column terms, leaving out columns already reported. */
        private List<ProductImportError> findings(int rowNumber, List<UserError> found, List<String> skipColumns) {
            List<ProductImportError> out = new ArrayList<>();
            for (UserError e : found) {
                String field = String.join(".", e.field().subList(Math.min(1, e.field().size()), e.field().size()));
                String column = ImportColumn.ofField(field).map(ImportColumn::header).orElse(null);
                if (column == null || !skipColumns.contains(column)) {
                    out.add(ProductImportError.of(rowNumber, column, e.code(), e.text(), language));
                }
            }
            return out;
        }
    }

    /** Fails imports whose instance stopped mid-way, so their report does not stay RUNNING for ever. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void failStaleImports() {
        // The uploader's language is not kept with the report: the platform's default is written.
        int n = jobs.failStale(Instant.now().minus(STALE_AFTER),
                Messages.render(Message.of("catalog.import.interrupted"), "vi"));
        if (n > 0) {
            log.warn("Marked {} interrupted product imports as failed", n);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // An import cut off here is failed by another instance's sweep; re-importing finishes it.
        background.shutdown();
        if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
            background.shutdownNow();
        }
    }
}
