package vn.htxconnect.catalog.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.catalog.ProductsChanged;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * What the product mutations and the CSV import share: who may list products, and what every write sets off
 * in its transaction (the search index's outbox row, the activity history, {@link ProductsChanged}).
 */
@Component
class ProductWrites {

    private final OrganizationService organizations;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final ProductActivity activity;

    ProductWrites(OrganizationService organizations, Outbox outbox, ApplicationEventPublisher events,
                  ProductActivity activity) {
        this.organizations = organizations;
        this.outbox = outbox;
        this.events = events;
        this.activity = activity;
    }

    /** The organization that lists the product; buyers and partners do not list products. */
    Organization supplier(String organizationId, ValidationErrors errors) {
        Long orgId = organizationId == null ? null : GlobalId.tryDecode(organizationId, Organization.TYPE);
        Organization owner = orgId == null ? null : organizations.findById(orgId).orElse(null);
        if (owner == null) {
            errors.add("organizationId", organizationId == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    Message.of("organization.id.unknown", "organizationId"));
            return null;
        }
        if (!owner.active()) {
            errors.add("organizationId", UserErrorCode.INVALID, Message.of("organization.archived"));
            return null;
        }
        if (owner.kind() == OrganizationKind.RETAIL_CHAIN || owner.kind() == OrganizationKind.PARTNER) {
            errors.add("organizationId", UserErrorCode.INVALID, Message.of("catalog.product.ownerKind", owner.kind()));
            return null;
        }
        return owner;
    }

    /** The owner of a stored product (it exists: products are never deleted, organizations only archived). */
    Organization owner(ProductEntity e) {
        return organizations.findById(e.organizationId).orElseThrow();
    }

    /** Queues a written product for the search index, in the write's transaction. */
    void queue(long productId, String event) {
        outbox.enqueue(ProductService.OUTBOX_TYPE, productId, event);
    }

    /** Queues written products for the search index in one batch, in the write's transaction. */
    void queue(Collection<Long> productIds, String event) {
        outbox.enqueueAll(ProductService.OUTBOX_TYPE, productIds, event);
    }

    /**
     * Keeps the write in the organizations' activity history and tells listeners (in this transaction) about
     * written products that are on offer.
     */
    void announce(List<ProductEntity> written) {
        activity.recordWrites(written);
        List<Long> active = written.stream().filter(p -> p.status == ProductStatus.ACTIVE).map(p -> p.id).toList();
        if (!active.isEmpty()) {
            events.publishEvent(new ProductsChanged(active));
        }
    }
}
