package vn.htxconnect.sourcing.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.catalog.ProductsChanged;
import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.notification.NotificationService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.sourcing.Match;
import vn.htxconnect.sourcing.SourcingEnums.Factor;
import vn.htxconnect.sourcing.SourcingEnums.Visibility;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.sourcing.SourcingService;

/**
 * Finds new matches when a request opens or changes, or a product is listed or changes, and tells
 * both sides. The change queues an outbox row in its own transaction (requests here, products on
 * the catalogue's {@link ProductsChanged}); the outbox drain hands the rows to the two
 * {@link vn.htxconnect.search.AggregateIndexer}s below, so discovery is retried with backoff while
 * Elasticsearch is down and never lost. A pair is announced once ({@link MatchNotices}), from
 * {@link SourcingProperties#matchNoticeThreshold()} up; each run sends the buyer one notice per
 * request and each supplier one notice, however many pairs it found.
 */
@Component
class MatchDiscovery {

    static final String REQUEST_TYPE = "request_match";
    static final String PRODUCT_TYPE = "product_match";
    /** Best matches looked at per request or product and run. */
    static final int PER_RUN = 20;

    private static final Logger log = LoggerFactory.getLogger(MatchDiscovery.class);

    private final Matching matching;
    private final SourcingService requests;
    private final ProductService products;
    private final OrganizationService organizations;
    private final MatchNotices notices;
    private final NotificationService notifications;
    private final Outbox outbox;
    private final ElasticsearchClient client;
    private final SourcingProperties properties;
    private final SourcingRequestRepository openRequests;

    MatchDiscovery(Matching matching, SourcingService requests, ProductService products, OrganizationService organizations,
                   MatchNotices notices, NotificationService notifications, Outbox outbox, ElasticsearchClient client,
                   SourcingProperties properties,
                   SourcingRequestRepository openRequests) {
        this.openRequests = openRequests;
        this.matching = matching;
        this.requests = requests;
        this.products = products;
        this.organizations = organizations;
        this.notices = notices;
        this.notifications = notifications;
        this.outbox = outbox;
        this.client = client;
        this.properties = properties;
    }

    /**
     * Queues discovery for changed products in the catalogue's transaction. A plain synchronous
     * listener on purpose: it runs in that transaction, so the outbox row commits with the product;
     * an after-commit or asynchronous listener could lose it (no event publication registry here).
     */
    @EventListener
    void on(ProductsChanged event) {
        outbox.enqueueAll(PRODUCT_TYPE, event.productIds(), "changed");
    }

    /** A found pair and its score. */
    record Pair(SourcingRequest request, Product product, double score) {
    }

    /** Discovery for requests; returns the IDs to retry. {@code productIndex} is the alias matches read. */
    Set<Long> forRequests(Collection<Long> ids, String productIndex) {
        if (!refresh(productIndex)) {
            return new HashSet<>(ids);
        }
        Set<Long> failed = new HashSet<>();
        List<Pair> pairs = new ArrayList<>();
        for (SourcingRequest r : requests.findByIds(ids).values()) {
            if (!r.acceptingOffers()) {
                continue;
            }
            try {
                matching.matches(r, PER_RUN).stream().filter(this::worthTelling)
                        .forEach(m -> pairs.add(new Pair(r, m.product(), m.score())));
            } catch (RuntimeException e) {
                log.warn("Match discovery for request {} failed; retrying later: {}", r.databaseId(), e.toString());
                failed.add(r.databaseId());
            }
        }
        announce(pairs);
        return failed;
    }

    /** Discovery for products; returns the IDs to retry. {@code requestIndex} is the alias leads read. */
    Set<Long> forProducts(Collection<Long> ids, String requestIndex) {
        // With no open request there is nothing to find: a bulk import or a fresh catalogue drains at
        // indexing speed instead of one lead search per product.
        if (!openRequests.anyOpen(java.time.Instant.now())) {
            return Set.of();
        }
        if (!refresh(requestIndex)) {
            return new HashSet<>(ids);
        }
        List<Product> listed = products.findByIds(ids).values().stream()
                .filter(p -> p.status() == ProductStatus.ACTIVE).toList();
        Map<Long, Organization> suppliers = organizations.findByIds(listed.stream().map(Product::organizationId)
                .distinct().toList());
        List<Product> offered = listed.stream().filter(p -> suppliers.containsKey(p.organizationId())
                && suppliers.get(p.organizationId()).active()).toList();
        if (offered.isEmpty()) {
            return Set.of();
        }
        Map<Product, List<Match>> leads;
        try {
            // As the system, not a reader: every request comes unredacted (the buyer must be known to be told).
            leads = matching.leads(offered, suppliers, PER_RUN, org -> true);
        } catch (RuntimeException e) {
            log.warn("Match discovery for {} products failed; retrying later: {}", offered.size(), e.toString());
            return new HashSet<>(ids);
        }
        List<Pair> pairs = new ArrayList<>();
        leads.forEach((p, matches) -> matches.stream().filter(this::worthTelling)
                .forEach(m -> pairs.add(new Pair(m.request(), p, m.score()))));
        announce(pairs);
        return Set.of();
    }

    /**
     * Good enough to interrupt someone: above the threshold, between two organizations, and related
     * by category or words (a request without a category matches every category by its hard
     * conditions, and only its words say what it is about; matches apply the same rule).
     */
    private boolean worthTelling(Match m) {
        SourcingRequest r = m.request();
        if (m.score() < properties.matchNoticeThreshold() || r.buyerOrganizationId() == null
                || r.buyerOrganizationId() == m.product().organizationId()) {
            return false;
        }
        return r.categoryCode() != null || m.factors().stream()
                .anyMatch(f -> f.factor() == Factor.RELEVANCE && f.score() > 0);
    }

    /** Makes the index's latest writes searchable: the drain indexes changes just before discovery reads them. */
    private boolean refresh(String index) {
        try {
            client.indices().refresh(r -> r.index(index));
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot refresh {} for match discovery; retrying later: {}", index, e.toString());
            return false;
        }
    }

    private void announce(List<Pair> found) {
        List<Pair> fresh = notices.claim(found, p -> new long[] {p.request().databaseId(), p.product().databaseId()});
        if (fresh.isEmpty()) {
            return;
        }
        Map<Long, Organization> suppliers = organizations.findByIds(fresh.stream().map(p -> p.product().organizationId())
                .distinct().toList());
        Comparator<Pair> best = Comparator.comparingDouble(Pair::score);
        // The buyer: one notice per request.
        fresh.stream().collect(Collectors.groupingBy(p -> p.request().databaseId(), LinkedHashMap::new, Collectors.toList()))
                .values().forEach(group -> {
                    Pair top = group.stream().max(best).orElseThrow();
                    Map<String, String> params = params(top);
                    Organization supplier = suppliers.get(top.product().organizationId());
                    params.put("supplier", supplier == null ? "" : supplier.name());
                    params.put("count", Integer.toString(group.size()));
                    notifications.notify(top.request().buyerOrganizationId(),
                            group.size() == 1 ? NotificationKind.MATCH_FOR_REQUEST : NotificationKind.MATCHES_FOR_REQUEST,
                            top.request().id(), params);
                });
        // Each supplier: one notice, about the requests it may see.
        fresh.stream().filter(p -> p.request().visibility() == Visibility.PUBLIC
                        || p.request().invitedOrganizationIds().contains(p.product().organizationId()))
                .collect(Collectors.groupingBy(p -> p.product().organizationId(), LinkedHashMap::new, Collectors.toList()))
                .forEach((org, group) -> {
                    Pair top = group.stream().max(best).orElseThrow();
                    long requestCount = group.stream().map(p -> p.request().databaseId()).distinct().count();
                    Map<String, String> params = params(top);
                    params.put("count", Long.toString(requestCount));
                    notifications.notify(org, requestCount == 1 ? NotificationKind.LEAD_FOR_PRODUCT
                            : NotificationKind.LEADS_FOR_PRODUCTS, top.product().id(), params);
                });
    }

    private static Map<String, String> params(Pair p) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("request", p.request().title());
        params.put("product", p.product().name());
        params.put("score", String.format(Locale.ROOT, "%.2f", p.score()));
        return params;
    }
}
