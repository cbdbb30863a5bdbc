package vn.htxconnect.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.platform.ValidationErrors;

/**
 * The CSV import's way into the catalogue ({@code internal.imports}): merges rows into an organization's
 * products by externalRef, with the same rules and the same side effects as the product mutations.
 */
@Service
public class ProductImportMerge {

    private final ProductRepository repository;
    private final ProductValidator validator;
    private final ProductWrites writes;

    ProductImportMerge(ProductRepository repository, ProductValidator validator, ProductWrites writes) {
        this.repository = repository;
        this.validator = validator;
        this.writes = writes;
    }

    /** The organization that lists the products; buyers and partners do not list products. */
    public Organization supplier(String organizationId, ValidationErrors errors) {
        return writes.supplier(organizationId, errors);
    }

    /** One row of an import: its number in the file, its fields, and whether it is already known to be invalid. */
    public record ImportRow(int rowNumber, ProductInput input, boolean alreadyRejected) {
    }

    /** What became of an import row. */
    public enum ImportOutcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /**
     * The outcome of one import row; {@code errors} and {@code warnings} name the validator's input fields
     * (e.g. {@code priceMinVnd}). Warnings (an expired certificate, an unknown scheme) do not stop a row.
     */
    public record ImportRowResult(int rowNumber, ImportOutcome outcome, Long productId, List<UserError> errors,
                                  List<UserError> warnings) {
    }

    /**
     * Creates or updates {@code owner}'s products by externalRef in one transaction. Every row goes
     * through the same validator as {@code createProduct}: a row is the product's whole state, so an
     * empty cell clears a field and re-importing a row gives the same product. A row is written only
     * when it has no error (and was not {@code alreadyRejected}); an existing product keeps its ID,
     * status and creation time, and is not touched when nothing changed. Created and changed products
     * are queued for the search index in the same transaction. The rows' externalRefs must be distinct.
     */
    @Transactional
    public List<ImportRowResult> importRows(Organization owner, List<ImportRow> rows) {
        List<String> refs = rows.stream().map(r -> r.input().externalRef()).filter(r -> r != null && !r.isBlank())
                .map(String::strip).distinct().toList();
        Map<String, ProductEntity> existing = new HashMap<>();
        if (!refs.isEmpty()) {
            repository.findByExternalRefs(owner.databaseId(), refs).forEach(e -> existing.put(refKey(e.externalRef), e));
        }
        // The entity stays with its row until the flush has given created products their IDs.
        record Outcome(int rowNumber, ImportOutcome outcome, ProductEntity entity, List<UserError> errors,
                       List<UserError> warnings) {
        }
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        List<ProductEntity> created = new ArrayList<>();
        for (ImportRow row : rows) {
            ValidationErrors errors = new ValidationErrors();
            // Validated on a fresh entity with creation rules, so an invalid row never touches a managed one.
            ProductEntity fresh = new ProductEntity();
            fresh.organizationId = owner.databaseId();
            validator.create(row.input(), fresh, owner, errors);
            ProductEntity old = fresh.externalRef == null ? null : existing.get(refKey(fresh.externalRef));
            if (errors.hasErrors() || row.alreadyRejected()) {
                outcomes.add(new Outcome(row.rowNumber(), ImportOutcome.REJECTED, null, errors.list(), errors.warnings()));
            } else if (old == null) {
                created.add(fresh);
                outcomes.add(new Outcome(row.rowNumber(), ImportOutcome.CREATED, fresh, List.of(), errors.warnings()));
            } else if (old.sameListing(fresh)) {
                outcomes.add(new Outcome(row.rowNumber(), ImportOutcome.UNCHANGED, old, List.of(), errors.warnings()));
            } else {
                old.copyListing(fresh);
                outcomes.add(new Outcome(row.rowNumber(), ImportOutcome.UPDATED, old, List.of(), errors.warnings()));
            }
        }
        repository.saveAll(created);
        repository.flush();
        for (ImportOutcome written : List.of(ImportOutcome.CREATED, ImportOutcome.UPDATED)) {
            writes.queue(outcomes.stream().filter(o -> o.outcome() == written).map(o -> o.entity().id).toList(),
                    written.name().toLowerCase(Locale.ROOT));
        }
        writes.announce(outcomes.stream().filter(o -> o.outcome() == ImportOutcome.CREATED || o.outcome() == ImportOutcome.UPDATED)
                .map(Outcome::entity).toList());
        // Partners hear of imported products like of those written one by one (an import keeps a product's status).
        List<ProductEntity> announced = new ArrayList<>();
        List<ProductStatus> before = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.outcome() == ImportOutcome.CREATED || o.outcome() == ImportOutcome.UPDATED) {
                announced.add(o.entity());
                before.add(o.outcome() == ImportOutcome.CREATED ? null : o.entity().status);
            }
        }
        writes.publishAll(announced, before);
        return outcomes.stream().map(o -> new ImportRowResult(o.rowNumber(), o.outcome(),
                o.entity() == null ? null : o.entity().id, o.errors(), o.warnings())).toList();
    }

    /** How externalRefs are matched: the database's unique key ignores case, so this does too. */
    private static String refKey(String externalRef) {
        return externalRef.strip().toLowerCase(Locale.ROOT);
    }
}
