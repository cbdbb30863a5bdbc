package vn.htxconnect.sourcing.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.ProductsChanged;
import vn.htxconnect.platform.Outbox;

/** Queues match discovery ({@link MatchDiscoveryHandler}) for products the catalogue listed or changed. */
@Component
class ProductMatchQueue {

    private final Outbox outbox;

    ProductMatchQueue(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Runs in the catalogue's transaction: a plain synchronous listener on purpose, so the outbox row
     * commits with the product; an after-commit or asynchronous listener could lose it (no event
     * publication registry here).
     */
    @EventListener
    void on(ProductsChanged event) {
        outbox.enqueueAll(MatchDiscoveryHandler.PRODUCT_TYPE, event.productIds(), "changed");
    }
}
