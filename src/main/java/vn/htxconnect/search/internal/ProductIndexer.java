package vn.htxconnect.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.search.IndexAliases;

/**
 * Writes products' current state from MySQL into an index with one {@code _bulk} request: active
 * products are (re)indexed, others and deleted ones removed. Always reads the current rows, so
 * repeated or out-of-order notices converge on the truth.
 */
@Component
class ProductIndexer {

    private final ElasticsearchClient client;
    private final ProductService products;
    private final OrganizationService organizations;
    private final ProductDocuments documents;

    ProductIndexer(ElasticsearchClient client, ProductService products, OrganizationService organizations,
                   ProductDocuments documents) {
        this.client = client;
        this.products = products;
        this.organizations = organizations;
        this.documents = documents;
    }

    /** Result of a bulk write: product IDs whose item failed (to retry). */
    record Result(int indexed, int deleted, Set<Long> failed) {
    }

    Result index(Collection<Long> productIds, String index) throws IOException {
        if (productIds.isEmpty()) {
            return new Result(0, 0, Set.of());
        }
        Map<Long, Product> found = products.findByIds(productIds);
        Map<Long, Organization> orgs = organizations.findByIds(
                found.values().stream().map(Product::organizationId).distinct().toList());
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index).requireAlias(!IndexAliases.isVersion(index));
        int indexed = 0;
        int deleted = 0;
        List<Long> order = new ArrayList<>(new HashSet<>(productIds));
        for (Long id : order) {
            Product p = found.get(id);
            Organization org = p == null ? null : orgs.get(p.organizationId());
            if (p != null && org != null && org.active() && p.status() == ProductStatus.ACTIVE) {
                Map<String, Object> doc = documents.document(p, org).source();
                bulk.operations(op -> op.index(i -> i.id(id.toString()).document(doc)));
                indexed++;
            } else {
                bulk.operations(op -> op.delete(d -> d.id(id.toString())));
                deleted++;
            }
        }
        BulkResponse response = client.bulk(bulk.build());
        Set<Long> failed = new HashSet<>();
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                // A delete of a document that is not there answers 404 "not_found" without an error: success for
                // us. Any error is a failure, the missing alias (404 with an error) included.
                if (item.error() != null) {
                    failed.add(Long.parseLong(item.id()));
                }
            }
        }
        return new Result(indexed, deleted, failed);
    }
}
