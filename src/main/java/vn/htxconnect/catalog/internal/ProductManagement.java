package vn.htxconnect.catalog.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.catalog.ProductPayload;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/** Product writes and reads; each write queues the product for the search index in the same transaction. */
@Service
class ProductManagement implements ProductService {

    static final String OUTBOX_TYPE = "product";

    private final ProductRepository repository;
    private final ProductValidator validator;
    private final OrganizationService organizations;
    private final Outbox outbox;

    ProductManagement(ProductRepository repository, ProductValidator validator, OrganizationService organizations,
                      Outbox outbox) {
        this.repository = repository;
        this.validator = validator;
        this.organizations = organizations;
        this.outbox = outbox;
    }

    @Override
    @Transactional
    public ProductPayload create(ProductInput in) {
        ValidationErrors errors = new ValidationErrors();
        Organization owner = supplier(in.organizationId(), errors);
        if (owner == null) {
            return new ProductPayload(null, errors.list(), in.clientMutationId());
        }
        ProductEntity e = new ProductEntity();
        e.organizationId = owner.databaseId();
        validator.apply(in, e, owner, true, errors);
        if (e.externalRef != null && repository.findByOrganizationIdAndExternalRef(owner.databaseId(), e.externalRef).isPresent()) {
            errors.add("externalRef", UserErrorCode.DUPLICATE, "This organization already has a product with this externalRef");
        }
        if (errors.hasErrors()) {
            return new ProductPayload(null, errors.list(), in.clientMutationId());
        }
        repository.saveAndFlush(e);
        outbox.enqueue(OUTBOX_TYPE, e.id, "created");
        return new ProductPayload(e.toView(), List.of(), in.clientMutationId());
    }

    @Override
    @Transactional
    public ProductPayload update(ProductInput in) {
        ValidationErrors errors = new ValidationErrors();
        ProductEntity e = existing(in.id(), in.expectedVersion(), errors);
        if (e == null) {
            return new ProductPayload(null, errors.list(), in.clientMutationId());
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
            return new ProductPayload(null, errors.list(), clientMutationId);
        }
        e.status = ProductStatus.ARCHIVED;
        return save(e, errors, clientMutationId, "archived");
    }

    private ProductPayload save(ProductEntity e, ValidationErrors errors, String clientMutationId, String event) {
        if (errors.hasErrors()) {
            // The entity is managed and half-changed: roll back so nothing reaches the database.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new ProductPayload(null, errors.list(), clientMutationId);
        }
        repository.saveAndFlush(e);
        outbox.enqueue(OUTBOX_TYPE, e.id, event);
        return new ProductPayload(e.toView(), List.of(), clientMutationId);
    }

    private ProductEntity existing(String id, Long expectedVersion, ValidationErrors errors) {
        Long dbId = GlobalId.tryDecode(id, Product.TYPE);
        ProductEntity e = dbId == null ? null : repository.findById(dbId).orElse(null);
        if (e == null) {
            errors.add("id", UserErrorCode.NOT_FOUND, "No product with this ID");
            return null;
        }
        if (expectedVersion != null && expectedVersion != e.version) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT,
                    "The product was changed meanwhile (version " + e.version + "); reload it and retry");
            return null;
        }
        return e;
    }

    /** The organization that lists the product; buyers and partners do not list products. */
    Organization supplier(String organizationId, ValidationErrors errors) {
        Long orgId = organizationId == null ? null : GlobalId.tryDecode(organizationId, Organization.TYPE);
        Organization owner = orgId == null ? null : organizations.findById(orgId).orElse(null);
        if (owner == null) {
            errors.add("organizationId", organizationId == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    "organizationId must be the ID of an existing organization");
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
