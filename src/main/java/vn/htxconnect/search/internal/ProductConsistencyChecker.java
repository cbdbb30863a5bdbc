package vn.htxconnect.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;

/**
 * Compares MySQL with the product index, batch by batch in ID order: products that are active but
 * absent from the index (missing), indexed with another version (stale), or indexed but not active
 * or gone (orphaned). Repair rewrites exactly those from MySQL's current state. Reads only the
 * {@code version} doc value from the index, never whole documents. Changes in flight while it runs
 * can show up as stale; repairing them is harmless.
 */
@Component
class ProductConsistencyChecker {

    static final int BATCH_SIZE = 1000;
    static final int REPORTED_IDS = 100;

    private final ElasticsearchClient client;
    private final ProductService products;
    private final ProductIndexer indexer;
    private final IndexManager indices;

    ProductConsistencyChecker(ElasticsearchClient client, ProductService products, ProductIndexer indexer,
                              IndexManager indices) {
        this.client = client;
        this.products = products;
        this.indexer = indexer;
        this.indices = indices;
    }

    /** Products of one kind of discrepancy: how many, and the first IDs (database IDs, ascending). */
    record Discrepancy(long count, List<Long> ids) {
        Discrepancy add(long id) {
            List<Long> next = ids.size() < REPORTED_IDS ? append(ids, id) : ids;
            return new Discrepancy(count + 1, next);
        }

        private static List<Long> append(List<Long> ids, long id) {
            List<Long> out = new ArrayList<>(ids);
            out.add(id);
            return List.copyOf(out);
        }
    }

    /**
     * What a check found.
     *
     * @param checked products read from MySQL
     * @param indexed documents found in the index
     * @param repaired products rewritten (0 unless asked to repair)
     */
    record Report(String index, long checked, long indexed, Discrepancy missing, Discrepancy stale,
                  Discrepancy orphaned, long repaired) {
    }

    Report check(boolean repair) throws IOException {
        return check(repair, null);
    }

    /**
     * Compares MySQL with the index, for every product or ({@code organizationId} not null) for one
     * organization's products and the documents indexed under it — what support needs when one
     * cooperative says its products do not show, in milliseconds whatever the catalogue's size.
     */
    Report check(boolean repair, Long organizationId) throws IOException {
        indices.ensureProducts();
        String alias = indices.alias(IndexManager.PRODUCTS);
        List<String> targets = indices.aliasTargets(IndexManager.PRODUCTS);
        Discrepancy none = new Discrepancy(0, List.of());
        Discrepancy missing = none;
        Discrepancy stale = none;
        Discrepancy orphaned = none;
        long checked = 0;
        long indexed = 0;
        long repaired = 0;
        long after = 0;
        while (true) {
            List<Long> ids = organizationId == null ? products.idsAfter(after, BATCH_SIZE)
                    : products.idsOfOrganization(organizationId).stream().sorted().toList();
            // The last round covers documents beyond the highest product ID: all of them are orphans.
            Long upTo = ids.isEmpty() || organizationId != null ? null : ids.getLast();
            Map<Long, Product> rows = products.findByIds(ids);
            Map<Long, Long> docs = indexedVersions(alias, after, upTo, organizationId);
            checked += rows.size();
            indexed += docs.size();
            List<Long> wrong = new ArrayList<>();
            for (Long id : ids) {
                Product p = rows.get(id);
                Long version = docs.remove(id);
                boolean active = p != null && p.status() == ProductStatus.ACTIVE;
                if (active && version == null) {
                    missing = missing.add(id);
                    wrong.add(id);
                } else if (active && version != p.version()) {
                    stale = stale.add(id);
                    wrong.add(id);
                } else if (!active && version != null) {
                    orphaned = orphaned.add(id);
                    wrong.add(id);
                }
            }
            for (Long id : docs.keySet().stream().sorted().toList()) {
                orphaned = orphaned.add(id);
                wrong.add(id);
            }
            if (repair && !wrong.isEmpty()) {
                // The indexer reads current rows: missing and stale ones are written, orphans deleted.
                indexer.index(wrong, alias);
                repaired += wrong.size();
            }
            if (upTo == null) {
                break;
            }
            after = upTo;
        }
        if (repaired > 0) {
            client.indices().refresh(r -> r.index(alias));
        }
        return new Report(targets.isEmpty() ? alias : String.join(",", targets), checked, indexed, missing, stale,
                orphaned, repaired);
    }

    /**
     * Versions of the documents with {@code after < id <= upTo} ({@code upTo} null: no upper bound),
     * of one organization when {@code organizationId} is not null, paged by ID.
     */
    @SuppressWarnings("rawtypes")
    private Map<Long, Long> indexedVersions(String alias, long after, Long upTo, Long organizationId) throws IOException {
        Map<Long, Long> out = new HashMap<>();
        List<FieldValue> searchAfter = null;
        while (true) {
            List<FieldValue> resume = searchAfter;
            SearchResponse<Map> response = client.search(s -> {
                s.index(alias).size(BATCH_SIZE).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false))
                        .docvalueFields(f -> f.field(ProductField.VERSION.field()))
                        .sort(o -> o.field(f -> f.field(ProductField.ID.field()).order(SortOrder.Asc)))
                        .query(q -> q.bool(b -> {
                            b.filter(f -> f.range(r -> r.number(n -> {
                                n.field(ProductField.ID.field()).gt((double) after);
                                return upTo == null ? n : n.lte((double) upTo);
                            })));
                            return organizationId == null ? b
                                    : b.filter(f -> f.term(t -> t.field(ProductField.ORGANIZATION_ID.field()).value(organizationId)));
                        }));
                return resume == null ? s : s.searchAfter(resume);
            }, Map.class);
            List<Hit<Map>> hits = response.hits().hits();
            for (Hit<Map> hit : hits) {
                JsonData version = hit.fields().get(ProductField.VERSION.field());
                out.put(Long.parseLong(hit.id()), version == null ? -1 : version.toJson().asJsonArray().getJsonNumber(0).longValue());
            }
            if (hits.size() < BATCH_SIZE) {
                return out;
            }
            searchAfter = hits.getLast().sort();
        }
    }
}
