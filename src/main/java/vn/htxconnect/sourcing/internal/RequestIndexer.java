package vn.htxconnect.sourcing.internal;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.platform.OutboxHandler;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.search.IndexAliases;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.sourcing.SourcingService;

/**
 * Keeps the open-requests index in step with MySQL from the outbox: requests accepting offers are
 * (re)indexed, all others removed, in one {@code _bulk} per batch. Reads current rows, so repeated or
 * out-of-order notices converge. Expired requests linger until their next change; lead queries
 * filter on {@code expires_at}.
 */
@Component
@Order(OutboxHandler.WRITES_DERIVED_DATA)
class RequestIndexer implements OutboxHandler {

    static final String INDEX = "sourcing_requests";

    private final ElasticsearchClient client;
    private final SourcingService requests;
    private final IndexAliases indices;

    RequestIndexer(ElasticsearchClient client, SourcingService requests, IndexAliases indices) {
        this.client = client;
        this.requests = requests;
        this.indices = indices;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(SourcingManagement.OUTBOX_TYPE);
    }

    /** Elasticsearch answers (probed while it is down, so the backlog resumes as soon as it is back). */
    @Override
    public boolean reachable() {
        return indices.reachable();
    }

    @Override
    public Collection<OutboxEvent> handle(OutboxBatch batch) throws IOException {
        Set<Long> ids = batch.aggregateIds(SourcingManagement.OUTBOX_TYPE);
        try {
            indices.ensure(INDEX);
            Set<Long> failed = index(ids, indices.alias(INDEX));
            if (!failed.isEmpty()) {
                // Perhaps the alias went missing (the writes require it): check it again before the retry.
                indices.invalidate();
            }
            return batch.eventsOf(SourcingManagement.OUTBOX_TYPE, failed);
        } catch (IOException | RuntimeException e) {
            indices.invalidate();
            throw e;
        }
    }

    /**
     * Writes the requests' current state into {@code index} (an alias, or a version being loaded); returns
     * the IDs whose write failed. Converges when called again with the same IDs.
     */
    private Set<Long> index(Collection<Long> ids, String index) throws IOException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Map<Long, SourcingRequest> found = requests.findByIds(ids);
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index).requireAlias(!IndexAliases.isVersion(index));
        for (Long id : new HashSet<>(ids)) {
            SourcingRequest r = found.get(id);
            if (r != null && r.acceptingOffers()) {
                Map<String, Object> doc = document(r);
                bulk.operations(op -> op.index(i -> i.id(id.toString()).document(doc)));
            } else {
                bulk.operations(op -> op.delete(d -> d.id(id.toString())));
            }
        }
        BulkResponse response = client.bulk(bulk.build());
        Set<Long> failed = new HashSet<>();
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                // A delete of a missing document answers 404 without an error (success); any error is a failure.
                if (item.error() != null) {
                    failed.add(Long.parseLong(item.id()));
                }
            }
        }
        return failed;
    }

    static Map<String, Object> document(SourcingRequest r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", r.databaseId());
        d.put("buyer_organization_id", r.buyerOrganizationId());
        d.put("title", r.title());
        d.put("title_folded", VietnameseText.fold(r.title()));
        d.put("details_folded", r.details() == null ? null : VietnameseText.fold(r.details()));
        d.put("category_code", r.categoryCode());
        d.put("required_certifications", r.certifications().stream().map(Enum::name).toList());
        d.put("min_ocop_stars", r.minOcopStars());
        d.put("window_from", r.windowFrom().toString());
        d.put("window_to", r.windowTo().toString());
        d.put("window_months", MatchScorer.windowMonths(r).stream().map(YearMonth::getMonthValue).distinct().toList());
        d.put("expires_at", r.expiresAt().toString());
        d.put("visibility", r.visibility().name());
        d.put("invited_organization_ids", r.invitedOrganizationIds());
        d.put("verified_suppliers_only", r.verifiedSuppliersOnly());
        d.put("delivery_province_code", r.deliveryProvinceCode());
        d.put("delivery_location", Map.of("lat", r.deliveryLat(), "lon", r.deliveryLon()));
        d.put("max_distance_km", r.maxDistanceKm());
        d.put("updated_at", r.updatedAt().toString());
        return d;
    }
}
