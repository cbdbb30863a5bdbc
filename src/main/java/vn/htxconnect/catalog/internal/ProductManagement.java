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
import vn.htxconnect.catalog.ProductsChanged;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * The product mutations and reads; each write queues the product for the search index in the same transaction
 * and, for products on offer, publishes {@link ProductsChanged} in it (through {@link ProductWrites}). The CSV
 * import writes through {@link ProductImportMerge}.
 */
@Service
class ProductManagement implements ProductService {

    private final ProductRepository repository;
    private final ProductValidator validator;
    private final ProductWrites writes;
    private final ProductPages pages;

    ProductManagement(ProductRepository repository, ProductValidator validator, ProductWrites writes, ProductPages pages) {
        this.repository = repository;
        this.validator = validator;
        this.writes = writes;
        this.pages = pages;
    }

    @Override
    @Transactional
    public ProductPayload create(ProductInput in) {
        ValidationErrors errors = new ValidationErrors();
        Organization owner = writes.supplier(in.organizationId(), errors);
        if (owner == null) {
            return new ProductPayload(null, errors.list(), errors.warnings(), in.clientMutationId());
        }
        Access.requireMember(owner.databaseId());
        ProductEntity e = new ProductEntity();
        e.organizationId = owner.databaseId();
        validator.create(in, e, owner, errors);
        if (e.externalRef != null && repository.findByOrganizationIdAndExternalRef(owner.databaseId(), e.externalRef).isPresent()) {
            errors.add("externalRef", UserErrorCode.DUPLICATE, Message.of("catalog.product.externalRefTaken"));
        }
        if (errors.hasErrors()) {
            return new ProductPayload(null, errors.list(), errors.warnings(), in.clientMutationId());
        }
        repository.saveAndFlush(e);
        writes.queue(e.id, "created");
        writes.announce(List.of(e));
        writes.publish(e, null);
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
        Organization owner = writes.owner(e);
        String oldRef = e.externalRef;
        ProductStatus before = e.status;
        validator.update(in, e, owner, errors);
        if (e.externalRef != null && !e.externalRef.equals(oldRef)
                && repository.findByOrganizationIdAndExternalRef(owner.databaseId(), e.externalRef).isPresent()) {
            errors.add("externalRef", UserErrorCode.DUPLICATE, Message.of("catalog.product.externalRefTaken"));
        }
        return save(e, errors, in.clientMutationId(), "updated", before);
    }

    @Override
    @Transactional
    public ProductPayload archive(String id, Long expectedVersion, String clientMutationId) {
        ValidationErrors errors = new ValidationErrors();
        ProductEntity e = existing(id, expectedVersion, errors);
        if (e == null) {
            return new ProductPayload(null, errors.list(), errors.warnings(), clientMutationId);
        }
        ProductStatus before = e.status;
        e.status = ProductStatus.ARCHIVED;
        return save(e, errors, clientMutationId, "archived", before);
    }

    private ProductPayload save(ProductEntity e, ValidationErrors errors, String clientMutationId, String event,
                                ProductStatus before) {
        if (errors.hasErrors()) {
            // The entity is managed and half-changed: roll back so nothing reaches the database.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new ProductPayload(null, errors.list(), errors.warnings(), clientMutationId);
        }
        repository.saveAndFlush(e);
        writes.queue(e.id, event);
        writes.announce(List.of(e));
        writes.publish(e, before);
        return new ProductPayload(e.toView(), List.of(), errors.warnings(), clientMutationId);
    }

    private ProductEntity existing(String id, Long expectedVersion, ValidationErrors errors) {
        Long dbId = GlobalId.tryDecode(id, Product.TYPE);
        ProductEntity e = dbId == null ? null : repository.findById(dbId).orElse(null);
        if (e == null) {
            errors.add("id", UserErrorCode.NOT_FOUND, Message.of("catalog.product.notFound"));
            return null;
        }
        Access.requireMember(e.organizationId);
        if (expectedVersion != null && expectedVersion != e.version) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT,
                    Message.of("catalog.product.staleVersion", e.version));
            return null;
        }
        return e;
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
    public List<Long> idsOfOrganizations(Collection<Long> organizationIds) {
        return organizationIds.isEmpty() ? List.of() : repository.findIdsByOrganizationIdIn(organizationIds);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> idsAfter(long afterId, int limit) {
        return repository.findIdsAfter(afterId, Limit.of(limit));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Product> productsBetween(long afterId, long upToId, int limit) {
        return pages.between(afterId, upToId, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public long maxId() {
        return repository.findMaxId().orElse(0L);
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

    @Override
    @Transactional(readOnly = true)
    public long countActive(Collection<Long> exceptOrganizations) {
        long active = repository.countByStatus(ProductStatus.ACTIVE);
        return exceptOrganizations.isEmpty() ? active
                : active - repository.countByStatusAndOrganizationIdIn(ProductStatus.ACTIVE, exceptOrganizations);
    }
}
