package vn.htxconnect.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Product;
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
import vn.htxconnect.webhook.WebhookEvent;
import vn.htxconnect.webhook.WebhookEventType;
import vn.htxconnect.webhook.WebhookEvents;

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
    private final WebhookEvents webhooks;

    ProductWrites(OrganizationService organizations, Outbox outbox, ApplicationEventPublisher events,
                  ProductActivity activity, WebhookEvents webhooks) {
        this.webhooks = webhooks;
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

    /**
     * Tells partners' endpoints (through the webhook module, in the write's transaction; the CSV import too, row by
     * row) (public: what the API shows everyone) that a product was listed, changed or
     * archived. Drafts are members-only, so a draft's writes say nothing; a product leaving the public listing
     * is announced with its ID and new status only.
     */
    void publish(ProductEntity e, ProductStatus before) {
        WebhookEvent event = webhookEvent(e, before);
        if (event != null) {
            webhooks.publish(event);
        }
    }

    /** The same for many written products (a CSV import's batch) in two statements, whatever their number. */
    void publishAll(List<ProductEntity> written, List<ProductStatus> before) {
        List<WebhookEvent> events = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            WebhookEvent event = webhookEvent(written.get(i), before.get(i));
            if (event != null) {
                events.add(event);
            }
        }
        webhooks.publishAll(events);
    }

    /** What partners hear of a written product, or null when it says nothing to them (a draft's writes). */
    private static WebhookEvent webhookEvent(ProductEntity e, ProductStatus before) {
        Product p = e.toView();
        boolean wasPublic = before == ProductStatus.ACTIVE;
        if (p.status() == ProductStatus.ACTIVE) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("organizationId", GlobalId.encode(Organization.TYPE, p.organizationId()));
            fields.put("name", p.name());
            fields.put("description", p.description());
            fields.put("categoryCode", p.categoryCode());
            fields.put("unit", p.unit() == null ? null : p.unit().name());
            fields.put("priceMinVnd", p.priceMinVnd());
            fields.put("priceMaxVnd", p.priceMaxVnd());
            fields.put("minOrderQty", p.minOrderQty());
            fields.put("monthlyCapacity", p.monthlyCapacity());
            fields.put("availableMonths", p.availableMonths());
            fields.put("provinceCode", p.provinceCode());
            fields.put("imageUrls", p.imageUrls());
            fields.put("status", p.status().name());
            fields.put("certifications", p.validCertifications().stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("scheme", c.scheme().name());
                m.put("label", c.label());
                m.put("ocopStars", c.ocopStars());
                m.put("validTo", c.validTo() == null ? null : c.validTo().toString());
                return m;
            }).toList());
            fields.put("updatedAt", p.updatedAt() == null ? null : p.updatedAt().toString());
            fields.put("version", p.version());
            return WebhookEvent.publicEvent(wasPublic ? WebhookEventType.PRODUCT_CHANGED : WebhookEventType.PRODUCT_LISTED,
                    p.id(), fields).withFilters(p.provinceCode(), p.categoryCode());
        } else if (wasPublic) {
            return WebhookEvent.publicEvent(p.status() == ProductStatus.ARCHIVED ? WebhookEventType.PRODUCT_ARCHIVED
                    : WebhookEventType.PRODUCT_CHANGED, p.id(), Map.of("status", p.status().name()))
                    .withFilters(p.provinceCode(), p.categoryCode());
        }
        return null;
    }
}
