package vn.htxconnect.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.platform.OutboxHandler;

/**
 * Keeps the product index in step with the outbox: a changed product is rewritten from MySQL, and a
 * changed organization rewrites all its products (documents carry the supplier's name, province and
 * trust). Both kinds of a batch go to Elasticsearch in one {@code _bulk}.
 */
@Component
@Order(OutboxHandler.WRITES_DERIVED_DATA)
class ProductIndexHandler implements OutboxHandler {

    private final ProductIndexer indexer;
    private final IndexManager indices;
    private final ProductService products;

    ProductIndexHandler(ProductIndexer indexer, IndexManager indices, ProductService products) {
        this.indexer = indexer;
        this.indices = indices;
        this.products = products;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(ProductService.OUTBOX_TYPE, OrganizationService.OUTBOX_TYPE);
    }

    /** Elasticsearch answers (probed while it is down, so the backlog resumes as soon as it is back). */
    @Override
    public boolean reachable() {
        return indices.reachable();
    }

    @Override
    public Collection<OutboxEvent> handle(OutboxBatch batch) throws IOException {
        Map<Long, List<OutboxEvent>> byProduct = new HashMap<>();
        for (OutboxEvent e : batch.events()) {
            Collection<Long> ids = e.aggregateType().equals(OrganizationService.OUTBOX_TYPE)
                    ? products.idsOfOrganization(e.aggregateId()) : List.of(e.aggregateId());
            ids.forEach(id -> byProduct.computeIfAbsent(id, k -> new ArrayList<>()).add(e));
        }
        if (byProduct.isEmpty()) {
            return List.of();
        }
        try {
            indices.ensureProducts();
            ProductIndexer.Result result = indexer.index(byProduct.keySet(), indices.alias(IndexManager.PRODUCTS));
            if (result.failed().isEmpty()) {
                return List.of();
            }
            // Perhaps the alias went missing (the writes require it): check it again before the retry.
            indices.invalidate();
            return result.failed().stream().flatMap(id -> byProduct.get(id).stream()).distinct().toList();
        } catch (IOException | RuntimeException e) {
            indices.invalidate();
            throw e;
        }
    }
}
