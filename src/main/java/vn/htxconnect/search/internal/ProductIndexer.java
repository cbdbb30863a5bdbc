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
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.util.BinaryData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
    private final Counter written;
    private final Counter refused;
    private final Counter unsent;

    ProductIndexer(ElasticsearchClient client, ProductService products, OrganizationService organizations,
                   ProductDocuments documents, MeterRegistry meters) {
        this.client = client;
        this.products = products;
        this.organizations = organizations;
        this.documents = documents;
        // Documents per outcome; the dashboard's docs/s is the rate of "written". Counted per bulk request, never
        // per document, so a million-product reindex adds three increments per request.
        this.written = documents(meters, "written");
        this.refused = documents(meters, "refused");
        this.unsent = documents(meters, "unsent");
    }

    private static Counter documents(MeterRegistry meters, String outcome) {
        return Counter.builder("htx.search.indexer.documents")
                .description("Product documents sent to Elasticsearch in bulk requests: written (indexed or removed),"
                        + " refused (an item error) or unsent (the request itself failed)")
                .tag("outcome", outcome).register(meters);
    }

    /** Result of a bulk write: product IDs whose item failed (to retry). */
    record Result(int indexed, int deleted, Set<Long> failed) {
    }

    /**
     * A bulk request ready to send: its documents are JSON bytes already, so the request thread only copies them.
     *
     * @param ids    the product of each operation, in order (to retry the ones refused)
     * @param bytes  the size of the documents' JSON
     */
    record Bulk(BulkRequest request, List<Long> ids, int indexed, int deleted, long bytes) {
    }

    Result index(Collection<Long> productIds, String index) throws IOException {
        if (productIds.isEmpty()) {
            return new Result(0, 0, Set.of());
        }
        Map<Long, Product> found = products.findByIds(productIds);
        Map<Long, Organization> orgs = organizations.findByIds(
                found.values().stream().map(Product::organizationId).distinct().toList());
        List<Long> order = new ArrayList<>(new HashSet<>(productIds));
        List<Bulk> bulks = prepare(order, found, orgs, index, Long.MAX_VALUE, null);
        return send(bulks.getFirst());
    }

    /**
     * Bulk requests for {@code ids} (products read already; an ID without a product, or with an inactive product or
     * organization, is deleted), each holding at most {@code maxBytes} of documents (and at least one operation).
     * {@code timing}, when given, learns how long building the documents and writing their JSON took.
     */
    List<Bulk> prepare(List<Long> ids, Map<Long, Product> found, Map<Long, Organization> orgs, String index,
                       long maxBytes, Timing timing) {
        JsonpMapper mapper = client._jsonpMapper();
        List<Bulk> out = new ArrayList<>();
        BulkRequest.Builder bulk = null;
        List<Long> bulkIds = new ArrayList<>();
        int indexed = 0;
        int deleted = 0;
        long bytes = 0;
        for (Long id : ids) {
            Product p = found.get(id);
            Organization org = p == null ? null : orgs.get(p.organizationId());
            BinaryData json = null;
            if (p != null && org != null && org.active() && p.status() == ProductStatus.ACTIVE) {
                long t0 = System.nanoTime();
                Map<String, Object> doc = documents.document(p, org).source();
                long t1 = System.nanoTime();
                json = BinaryData.of(doc, mapper);
                if (timing != null) {
                    timing.built(t1 - t0, System.nanoTime() - t1);
                }
            }
            long size = json == null ? 0 : json.size();
            if (bulk != null && bytes + size > maxBytes) {
                out.add(new Bulk(bulk.build(), List.copyOf(bulkIds), indexed, deleted, bytes));
                bulk = null;
            }
            if (bulk == null) {
                bulk = new BulkRequest.Builder().index(index).requireAlias(!IndexAliases.isVersion(index));
                bulkIds.clear();
                indexed = 0;
                deleted = 0;
                bytes = 0;
            }
            String docId = id.toString();
            if (json != null) {
                BinaryData source = json;
                bulk.operations(op -> op.index(i -> i.id(docId).document(source)));
                indexed++;
            } else {
                bulk.operations(op -> op.delete(d -> d.id(docId)));
                deleted++;
            }
            bulkIds.add(id);
            bytes += size;
        }
        if (bulk != null) {
            out.add(new Bulk(bulk.build(), List.copyOf(bulkIds), indexed, deleted, bytes));
        }
        return out;
    }

    /** Sends one bulk request; the result names the products whose item failed. */
    Result send(Bulk bulk) throws IOException {
        BulkResponse response;
        try {
            response = client.bulk(bulk.request());
        } catch (IOException | RuntimeException e) {
            unsent.increment(bulk.ids().size());
            throw e;
        }
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
        refused.increment(failed.size());
        written.increment(bulk.ids().size() - failed.size());
        return new Result(bulk.indexed(), bulk.deleted(), failed);
    }

    /** Where preparing bulk requests spends its time (a full reindex reports it). */
    interface Timing {
        void built(long documentNanos, long jsonNanos);
    }
}
