package vn.htxconnect.linkage.internal;

import java.util.Map;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.notification.NotificationService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Actor;

/** Tells the sides of a linkage what they must do about it or that it is active, in the writing transaction. */
@Component
class LinkageAnnouncements {

    private final ProductService products;
    private final CategoryService categories;
    private final NotificationService notifications;

    LinkageAnnouncements(ProductService products, CategoryService categories, NotificationService notifications) {
        this.products = products;
        this.categories = categories;
        this.notifications = notifications;
    }

    /** Tells the sides that must confirm (or, once active, both sides), in the same transaction. */
    void announce(LinkageEntity e, Actor actor, Organization supplier, Organization customer) {
        String subject = e.productId != null ? products.findById(e.productId).map(Product::name).orElse("")
                : categories.findByCode(e.categoryCode).map(Category::nameVi).orElse(e.categoryCode);
        Map<String, String> params = Map.of("supplier", supplier.name(), "customer", customer.name(), "subject", subject,
                "proposer", actor.name() == null ? "" : actor.name());
        String id = e.toView().id();
        if (e.status == Status.ACTIVE) {
            notifications.notify(e.supplierOrganizationId, NotificationKind.LINKAGE_ACTIVE, id, params);
            notifications.notify(e.customerOrganizationId, NotificationKind.LINKAGE_ACTIVE, id, params);
            return;
        }
        if (e.supplierConfirmedAt == null) {
            notifications.notify(e.supplierOrganizationId, NotificationKind.LINKAGE_PROPOSED, id, params);
        }
        if (e.customerConfirmedAt == null) {
            notifications.notify(e.customerOrganizationId, NotificationKind.LINKAGE_PROPOSED, id, params);
        }
    }
}
