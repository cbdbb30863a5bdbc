package vn.htxconnect.catalog.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.catalog.ProductPayload;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.catalog.ProductsChanged;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * Product writes and reads; each write queues the product for the search index in the same transaction
 * and, for products on offer, publishes {@link ProductsChanged} in it.
 * Public only for the CSV import ({@code internal.imports}), which writes through {@link #importRows}.
 */
@Service
public class ProductManagement implements ProductService {

    static final String OUTBOX_TYPE = "product";

    private final ProductRepository repository;
    private final ProductValidator validator;
    private final OrganizationService organizations;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final ProductActivity activity;

    ProductManagement(ProductRepository repository, ProductValidator validator, OrganizationService organizations,
                      Outbox outbox, ApplicationEventPublisher events, ProductActivity activity) {
        this.activity = activity;
        this.repository = repository;
        this.validator = validator;
        this.organizations = organizations;
        this.outbox = outbox;
        this.events = events;
    }

    @Override
    @Transactional
    public ProductPayload create(ProductInput in) {
        ValidationErrors errors = new ValidationErrors();
        Organization owner = supplier(in.organizationId(), errors);
        if (owner == null) {
            return new ProductPayload(null, errors.list(), errors.warnings(), in.clientMutationId());
        }
        Access.requireMember(owner.databaseId());
        ProductEntity e = new ProductEntity();
        e.organizationId = owner.databaseId();
        validator.apply(in, e, owner, true, errors);
        if (e.externalRef != null && repository.findByOrganizationIdAndExternalRef(owner.databaseId(), e.externalRef).isPresent()) {
            errors.add("externalRef", UserErrorCode.DUPLICATE, "This organization already has a product with this externalRef");
        }
        if (errors.hasErrors()) {
            return new ProductPayload(null, errors.list(), errors.warnings(), in.clientMutationId());
        }
        repository.saveAndFlush(e);
        outbox.enqueue(OUTBOX_TYPE, e.id, "created");
        announce(List.of(e));
        return new ProductPayload(e.toView(), List.of(), errors.warnings(), in.clientMutationId());
    }

    @Override
    @Transactional
    public ProductPayload update(ProductInput in) {
        ValidationErrors errors = new ValidationErrors();
        ProductEntity e = existing(in.id(), in.expectedVersion(), errors);
        if (e == null) {
            return new ProductPayload(null, errors.list(), errors.warnings(), in.clientMutationId());
        }
        Organization owner = organizations.findById(e.organizationId).orElseThrow();
        String oldRef = e.externalRef;
        validator.apply(in, e, owner, false, errors);
        if (e.externalRef != null && !e.externalRef.equals(oldRef)
                && repository.findByOrganizationIdAndExternalRef(owner.databaseId(), e.externalRef).isPresent()) {
            errors.add("externalRef", UserErrorCode.DUPLICATE, "This organization already has a product with this externalRef");
        }
        return save(e, errors, in.clientMutationId(), "updated");
    }

    @Override
    @Transactional
    public ProductPayload archive(String id, Long expectedVersion, String clientMutationId) {
        ValidationErrors errors = new ValidationErrors();
        ProductEntity e = existing(id, expectedVersion, errors);
        if (e == null) {
            return new ProductPayload(null, errors.list(), errors.warnings(), clientMutationId);
        }
        e.status = ProductStatus.ARCHIVED;
        return save(e, errors, clientMutationId, "archived");
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
            validator.apply(row.input(), fresh, owner, true, errors);
            ProductEntity old = fresh.externalRef == null ? null : existing.get(refKey(fresh.externalRef));
            if (errors.hasErrors() || row.alreadyRejected()) {
                outcomes.add(new Outcome(row.rowNumber(), ImportOutcome.REJECTED, null, errors.list(), errors.warnings()));
            } else if (old == null) {
                created.add(fresh);
                outcomes.add(new Outcome(row.rowNumber(), ImportOutcome.CREATED, fresh, List.of(), errors.warnings()));
            } else if (sameListing(old, fresh)) {
                outcomes.add(new Outcome(row.rowNumber(), ImportOutcome.UNCHANGED, old, List.of(), errors.warnings()));
            } else {
                copyListing(fresh, old);
                outcomes.add(new Outcome(row.rowNumber(), ImportOutcome.UPDATED, old, List.of(), errors.warnings()));
            }
        }
        repository.saveAll(created);
        repository.flush();
        for (ImportOutcome written : List.of(ImportOutcome.CREATED, ImportOutcome.UPDATED)) {
            outbox.enqueueAll(OUTBOX_TYPE, outcomes.stream().filter(o -> o.outcome() == written).map(o -> o.entity().id)
                    .toList(), written.name().toLowerCase(Locale.ROOT));
        }
        announce(outcomes.stream().filter(o -> o.outcome() == ImportOutcome.CREATED || o.outcome() == ImportOutcome.UPDATED)
                .map(Outcome::entity).toList());
        return outcomes.stream().map(o -> new ImportRowResult(o.rowNumber(), o.outcome(),
                o.entity() == null ? null : o.entity().id, o.errors(), o.warnings())).toList();
    }

    /** How externalRefs are matched: the database's unique key ignores case, so this does too. */
    private static String refKey(String externalRef) {
        return externalRef.strip().toLowerCase(Locale.ROOT);
    }

    /** True when an import row would change none of the fields a row carries. */
    private static boolean sameListing(ProductEntity a, ProductEntity b) {
        return Objects.equals(a.externalRef, b.externalRef) && Objects.equals(a.name, b.name)
                && Objects.equals(a.description, b.description) && Objects.equals(a.categoryCode, b.categoryCode)
                && a.unit == b.unit && Objects.equals(a.priceMinVnd, b.priceMinVnd)
                && Objects.equals(a.priceMaxVnd, b.priceMaxVnd) && sameNumber(a.minOrderQty, b.minOrderQty)
                && sameNumber(a.monthlyCapacity, b.monthlyCapacity) && a.availableMonths == b.availableMonths
                && Objects.equals(a.provinceCode, b.provinceCode) && Objects.equals(a.lat, b.lat)
                && Objects.equals(a.lon, b.lon) && Objects.equals(blankToEmpty(a.imageUrls), blankToEmpty(b.imageUrls))
                && sameCertifications(a, b);
    }

    private static void copyListing(ProductEntity from, ProductEntity to) {
        to.externalRef = from.externalRef;
        to.name = from.name;
        to.description = from.description;
        to.categoryCode = from.categoryCode;
        to.unit = from.unit;
        to.priceMinVnd = from.priceMinVnd;
        to.priceMaxVnd = from.priceMaxVnd;
        to.minOrderQty = from.minOrderQty;
        to.monthlyCapacity = from.monthlyCapacity;
        to.availableMonths = from.availableMonths;
        to.provinceCode = from.provinceCode;
        to.lat = from.lat;
        to.lon = from.lon;
        to.imageUrls = from.imageUrls;
        if (!sameCertifications(from, to)) {
            // Replacing an unchanged collection would rewrite its rows and bump the version for nothing.
            to.certifications.clear();
            to.certifications.addAll(from.certifications);
        }
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static boolean sameCertifications(ProductEntity a, ProductEntity b) {
        return a.certifications.stream().map(CertificationEmbeddable::toView).toList()
                .equals(b.certifications.stream().map(CertificationEmbeddable::toView).toList());
    }

    private ProductPayload save(ProductEntity e, ValidationErrors errors, String clientMutationId, String event) {
        if (errors.hasErrors()) {
            // The entity is managed and half-changed: roll back so nothing reaches the database.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new ProductPayload(null, errors.list(), errors.warnings(), clientMutationId);
        }
        repository.saveAndFlush(e);
        outbox.enqueue(OUTBOX_TYPE, e.id, event);
        announce(List.of(e));
        return new ProductPayload(e.toView(), List.of(), errors.warnings(), clientMutationId);
    }

    /**
     * Keeps the write in the organizations' activity history and tells listeners (in this transaction) about
     * written products that are on offer.
     */
    private void announce(List<ProductEntity> written) {
        activity.recordWrites(written);
        List<Long> active = written.stream().filter(p -> p.status == ProductStatus.ACTIVE).map(p -> p.id).toList();
        if (!active.isEmpty()) {
            events.publishEvent(new ProductsChanged(active));
        }
    }

    private ProductEntity existing(String id, Long expectedVersion, ValidationErrors errors) {
        Long dbId = GlobalId.tryDecode(id, Product.TYPE);
        ProductEntity e = dbId == null ? null : repository.findById(dbId).orElse(null);
        if (e == null) {
            errors.add("id", UserErrorCode.NOT_FOUND, "No product with this ID");
            return null;
        }
        Access.requireMember(e.organizationId);
        if (expectedVersion != null && expectedVersion != e.version) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT,
                    "The product was changed meanwhile (version " + e.version + "); reload it and retry");
            return null;
        }
        return e;
    }

    /** The organization that lists the product; buyers and partners do not list products. */
    public Organization supplier(String organizationId, ValidationErrors errors) {
        Long orgId = organizationId == null ? null : GlobalId.tryDecode(organizationId, Organization.TYPE);
        Organization owner = orgId == null ? null : organizations.findById(orgId).orElse(null);
        if (owner == null) {
            errors.add("organizationId", organizationId == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    "organizationId must be the ID of an existing organization");
            return null;
        }
        if (!owner.active()) {
            errors.add("organizationId", UserErrorCode.INVALID, "The organization is archived");
            return null;
        }
        if (owner.kind() == OrganizationKind.RETAIL_CHAIN || owner.kind() == OrganizationKind.PARTNER) {
            errors.add("organizationId", UserErrorCode.INVALID, "A " + owner.kind() + " cannot list products");
            return null;
        }
        return owner;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Product> findById(long id) {
        return repository.findWithCertifications(List.of(id)).stream().findFirst().map(ProductEntity::toView);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Product> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findWithCertifications(ids).stream().map(ProductEntity::toView)
                .collect(Collectors.toMap(Product::databaseId, Function.identity()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> idsOfOrganization(long organizationId) {
        return repository.findIdsByOrganizationId(organizationId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> idsAfter(long afterId, int limit) {
        return repository.findIdsAfter(afterId, Limit.of(limit));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> idsUpdatedSince(Instant since) {
        return repository.findIdsUpdatedSince(since);
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }
}
