package vn.htxconnect.linkage.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.webhook.WebhookEvent;
import vn.htxconnect.webhook.WebhookEventType;
import vn.htxconnect.webhook.WebhookEvents;

/**
 * Tells the two sides' webhook endpoints (only theirs: a linkage is the parties' business) that a linkage was
 * proposed, became active, was suspended or ended, with the linkage as the sides see it; in the writing transaction.
 */
@Component
class LinkageWebhooks {

    private final WebhookEvents webhooks;

    LinkageWebhooks(WebhookEvents webhooks) {
        this.webhooks = webhooks;
    }

    void publish(LinkageEntity entity) {
        Linkage l = entity.toView();
        WebhookEventType type = switch (l.status()) {
            case PROPOSED -> WebhookEventType.LINKAGE_PROPOSED;
            case ACTIVE -> WebhookEventType.LINKAGE_ACTIVE;
            case SUSPENDED -> WebhookEventType.LINKAGE_SUSPENDED;
            case ENDED -> WebhookEventType.LINKAGE_ENDED;
            case REJECTED -> null;
        };
        if (type == null) {
            return;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("supplierOrganizationId", GlobalId.encode(Organization.TYPE, l.supplierOrganizationId()));
        f.put("customerOrganizationId", GlobalId.encode(Organization.TYPE, l.customerOrganizationId()));
        f.put("productId", l.productId() == null ? null : GlobalId.encode("Product", l.productId()));
        f.put("categoryCode", l.categoryCode());
        f.put("supplierProvinceCode", l.supplierProvinceCode());
        f.put("volumePerPeriod", l.volumePerPeriod());
        f.put("unit", l.unit() == null ? null : l.unit().name());
        f.put("period", l.period() == null ? null : l.period().name());
        f.put("pricePerUnitVnd", l.pricePerUnitVnd());
        f.put("priceTerms", l.priceTerms());
        f.put("startDate", l.startDate() == null ? null : l.startDate().toString());
        f.put("endDate", l.endDate() == null ? null : l.endDate().toString());
        f.put("origin", l.origin() == null ? null : l.origin().name());
        f.put("status", l.status().name());
        f.put("activatedAt", l.activatedAt() == null ? null : l.activatedAt().toString());
        f.put("version", l.version());
        webhooks.publish(WebhookEvent.toParties(type, l.id(), List.of(l.supplierOrganizationId(), l.customerOrganizationId()), f)
                .withFilters(l.supplierProvinceCode(), l.categoryCode()));
    }

    /**
     * A supply event recorded or corrected: to the linkage's two sides, or (a transformation, which has no linkage)
     * to the organization that recorded it.
     */
    void supplyEvent(SupplyEvent e, LinkageEntity linkage) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", e.kind().name());
        f.put("linkageId", e.linkageId() == null ? null : GlobalId.encode(Linkage.TYPE, e.linkageId()));
        f.put("organizationId", GlobalId.encode(Organization.TYPE, e.organizationId()));
        f.put("occurredAt", e.occurredAt() == null ? null : e.occurredAt().toString());
        f.put("recordedAt", e.recordedAt() == null ? null : e.recordedAt().toString());
        f.put("quantity", e.quantity());
        f.put("unit", e.unit() == null ? null : e.unit().name());
        f.put("lotNumber", e.lotNumber());
        f.put("place", e.place());
        f.put("provinceCode", e.provinceCode());
        f.put("correctsEventId", e.correctsEventId() == null ? null : GlobalId.encode(SupplyEvent.TYPE, e.correctsEventId()));
        f.put("note", e.note());
        List<Long> parties = linkage == null ? List.of(e.organizationId())
                : List.of(linkage.supplierOrganizationId, linkage.customerOrganizationId);
        webhooks.publish(WebhookEvent.toParties(e.correctsEventId() == null ? WebhookEventType.SUPPLY_EVENT_RECORDED
                : WebhookEventType.SUPPLY_EVENT_CORRECTED, GlobalId.encode(SupplyEvent.TYPE, e.databaseId()), parties, f)
                .withFilters(e.provinceCode(), linkage == null ? null : linkage.categoryCode));
    }
}
