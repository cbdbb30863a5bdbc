package vn.htxconnect.sourcing.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.TrustSignalSource;
import vn.htxconnect.organization.TrustSignals;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.search.IndexAliases;
import vn.htxconnect.search.ProductCandidates;
import vn.htxconnect.search.ProductFilter;
import vn.htxconnect.sourcing.Match;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.sourcing.SourcingService;

/**
 * Both directions of matching. Elasticsearch narrows the field with the hard conditions it can
 * express (one request each way); {@link MatchScorer} then decides and ranks, so matches and leads
 * agree on every score.
 */
@Service
class Matching {

    private static final Logger log = LoggerFactory.getLogger(Matching.class);
    /** Candidates scored per request: enough that app-side factors can reorder ES's text ranking. */
    static final int CANDIDATES = 200;

    private final ProductCandidates candidates;
    private final ElasticsearchClient client;
    private final IndexAliases indices;
    private final SourcingService requests;
    private final CategoryService categories;
    private final List<TrustSignalSource> signalSources;

    Matching(ProductCandidates candidates, ElasticsearchClient client, IndexAliases indices, SourcingService requests,
             CategoryService categories, List<TrustSignalSource> signalSources) {
        this.signalSources = signalSources;
        this.candidates = candidates;
        this.client = client;
        this.indices = indices;
        this.requests = requests;
        this.categories = categories;
    }

    /**
     * The best {@code first} products for a request, best first. Products come from the index; the
     * suppliers' trust signals cost one SQL statement per signal source, whatever the number of candidates.
     */
    List<Match> matches(SourcingRequest r, int first) {
        ProductFilter filter = ProductFilter.builder().category(r.categoryCode())
                .certifications(r.certifications().stream().map(Enum::name).toList()).minOcopStars(r.minOcopStars())
                .verifiedOnly(r.verifiedSuppliersOnly() ? Boolean.TRUE : null)
                .near(r.maxDistanceKm() == null ? null : new ProductFilter.GeoFilter(r.deliveryLat(), r.deliveryLon(), r.maxDistanceKm()))
                .build();
        List<Integer> months = MatchScorer.windowMonths(r).stream().map(YearMonth::getMonthValue).distinct().toList();
        LocalDate start = r.windowFrom().isAfter(LocalDate.now()) ? r.windowFrom() : LocalDate.now();
        List<ProductCandidates.Candidate> found = candidates.find(
                new ProductCandidates.Query(r.title(), filter, start, r.windowTo(), months), CANDIDATES);
        double best = found.stream().mapToDouble(ProductCandidates.Candidate::relevance).max().orElse(0);
        boolean text = best > 0;
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        Map<Long, TrustSignals> signals = signals(found.stream().map(c -> c.product().organizationId())
                .filter(id -> id != r.buyerOrganizationId()).collect(Collectors.toSet()));
        List<Match> out = new ArrayList<>();
        for (ProductCandidates.Candidate c : found) {
            if (c.product().organizationId() == r.buyerOrganizationId()) {
                continue;
            }
            MatchScorer.score(r, c.product(), text ? c.relevance() / best : null, c.item(),
                    facts(c.organizationVerified(), c.product(), signals), today, false).ifPresent(out::add);
        }
        return top(out, first);
    }

    /**
     * Open requests each product can serve, best first. One Elasticsearch multi-search for all products and one
     * SQL statement for all of them; {@code parties} tells which buyers the reader belongs to (they see
     * their own confidential numbers).
     */
    Map<Product, List<Match>> leads(List<Product> products, Map<Long, Organization> suppliers, int first,
                                    LongPredicate party) {
        Map<Product, List<Long>> ids = new LinkedHashMap<>();
        Map<Long, Double> relevance = new LinkedHashMap<>();
        List<List<Hit<Map>>> allHits = searchRequests(products, suppliers);
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            List<Hit<Map>> hits = allHits.get(i);
            double best = hits.stream().mapToDouble(h -> h.score() == null ? 0 : h.score()).max().orElse(0);
            List<Long> found = new ArrayList<>();
            for (Hit<Map> h : hits) {
                long id = Long.parseLong(h.id());
                found.add(id);
                relevance.put(key(p, id), best > 0 && h.score() != null ? h.score() / best : null);
            }
            ids.put(p, found);
        }
        Map<Long, SourcingRequest> loaded = requests.findByIds(ids.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        Map<Long, TrustSignals> signals = signals(products.stream().map(Product::organizationId).collect(Collectors.toSet()));
        Map<Product, List<Match>> out = new LinkedHashMap<>();
        // Each request's words are read once, however many of the products it is judged against.
        Map<Long, Function<Product, ProductCandidates.ItemMatch>> itemOf = new HashMap<>();
        for (Map.Entry<Product, List<Long>> e : ids.entrySet()) {
            Product p = e.getKey();
            Organization org = suppliers.get(p.organizationId());
            List<Match> matches = new ArrayList<>();
            for (Long id : e.getValue()) {
                SourcingRequest r = loaded.get(id);
                if (r == null || !r.acceptingOffers()) {
                    continue;
                }
                boolean isParty = party.test(r.buyerOrganizationId());
                MatchScorer.score(r, p, relevance.get(key(p, id)), itemOf.computeIfAbsent(id, k -> candidates.itemMatcher(r.title())).apply(p),
                                facts(org != null && org.verified(), p, signals), today, !isParty)
                        .map(m -> isParty ? m : new Match(r.redacted(), m.product(), m.score(), m.factors(), m.coverage(),
                                m.distanceKm(), m.itemTier()))
                        .ifPresent(matches::add);
            }
            out.put(p, top(matches, first));
        }
        return out;
    }

    private static Long key(Product p, long requestId) {
        return p.databaseId() * 1_000_003L + requestId;
    }

    /** Verification, the listing's last change and what the other modules know of the supplier. */
    private static MatchScorer.SupplierFacts facts(boolean verified, Product p, Map<Long, TrustSignals> signals) {
        TrustSignals s = signals.getOrDefault(p.organizationId(), TrustSignals.NONE);
        return new MatchScorer.SupplierFacts(verified, p.updatedAt(), s.responseRate(), s.activeLinkages());
    }

    private Map<Long, TrustSignals> signals(Set<Long> organizationIds) {
        Map<Long, TrustSignals> merged = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return merged;
        }
        for (TrustSignalSource source : signalSources) {
            source.signalsFor(organizationIds).forEach((id, s) -> merged.merge(id, s, TrustSignals::merge));
        }
        return merged;
    }

    /**
     * The requested item first, then substitutes, then other items; by score within each tier. A gate, not a
     * weight: capacity, distance or trust must not lift another fruit over the one asked for.
     */
    private static List<Match> top(List<Match> all, int first) {
        return all.stream().sorted(Comparator.comparing(Match::itemTier)
                .thenComparing(Comparator.comparingDouble(Match::score).reversed())
                .thenComparing(m -> m.product().databaseId())).limit(first).toList();
    }

    /**
     * The candidate requests of each product (in the order given), all in one multi-search: a page of products
     * with their leads costs one round trip to Elasticsearch, not one per product.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<List<Hit<Map>>> searchRequests(List<Product> products, Map<Long, Organization> suppliers) {
        if (products.isEmpty()) {
            return List.of();
        }
        List<Query> queries = products.stream().map(p -> requestQuery(p, suppliers.get(p.organizationId()))).toList();
        try {
            indices.ensure(RequestIndexer.INDEX);
            co.elastic.clients.elasticsearch.core.MsearchResponse<Map> response = client.msearch(m -> {
                m.index(indices.alias(RequestIndexer.INDEX));
                for (Query q : queries) {
                    m.searches(item -> item.header(h -> h).body(b -> b.query(q).size(CANDIDATES).source(src -> src.fetch(false))));
                }
                return m;
            }, Map.class);
            List<List<Hit<Map>>> out = new ArrayList<>(products.size());
            for (var item : response.responses()) {
                if (item.isFailure()) {
                    throw new IOException("lead search item failed: " + item.failure().error().reason());
                }
                out.add((List) item.result().hits().hits());
            }
            return out;
        } catch (IOException | co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            log.warn("Lead search failed: {}", e.toString());
            throw new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable"));
        }
    }

    /** What one product can serve: open, visible to its supplier, in its category, terms it meets, by its words. */
    private Query requestQuery(Product p, Organization supplier) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("expires_at").gt("now")))));
        long org = p.organizationId();
        filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(Query.of(s -> s.term(t -> t.field("visibility").value("PUBLIC"))))
                .should(Query.of(s -> s.term(t -> t.field("invited_organization_ids").value(org)))))));
        List<FieldValue> path = categoryPath(p.categoryCode()).stream().map(FieldValue::of).toList();
        filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(Query.of(s -> s.bool(x -> x.mustNot(Query.of(m -> m.exists(ex -> ex.field("category_code")))))))
                .should(Query.of(s -> s.terms(t -> t.field("category_code").terms(v -> v.value(path))))))));
        Set<String> held = p.validCertifications().stream().map(c -> c.scheme().name()).collect(Collectors.toSet());
        List<FieldValue> lacking = Arrays.stream(CertificationScheme.values()).map(Enum::name)
                .filter(s -> !held.contains(s)).map(FieldValue::of).toList();
        List<Query> mustNot = new ArrayList<>();
        mustNot.add(Query.of(q -> q.term(t -> t.field("buyer_organization_id").value(org))));
        if (!lacking.isEmpty()) {
            mustNot.add(Query.of(q -> q.terms(t -> t.field("required_certifications").terms(v -> v.value(lacking)))));
        }
        Integer stars = p.ocopStars();
        mustNot.add(Query.of(q -> q.range(r -> r.number(n -> n.field("min_ocop_stars").gt(stars == null ? 0.0 : stars)))));
        if (supplier == null || !supplier.verified()) {
            mustNot.add(Query.of(q -> q.term(t -> t.field("verified_suppliers_only").value(true))));
        }
        List<FieldValue> months = p.availableMonths().stream().map(m -> FieldValue.of(m.longValue())).toList();
        filters.add(Query.of(q -> q.terms(t -> t.field("window_months").terms(v -> v.value(months)))));
        String folded = VietnameseText.fold(p.name());
        return Query.of(q -> q.bool(b -> b.filter(filters).mustNot(mustNot)
                .should(Query.of(s -> s.match(m -> m.field("title_folded").query(folded))))
                .should(Query.of(s -> s.match(m -> m.field("title_folded.shingles").query(folded))))
                .should(Query.of(s -> s.match(m -> m.field("details_folded").query(folded).boost(0.3f))))));
    }

    /** The product's category and its ancestors: a request for "coffee" is served by robusta. */
    private List<String> categoryPath(String code) {
        List<String> path = new ArrayList<>();
        String c = code;
        while (c != null && path.size() < 10) {
            Category cat = categories.findByCode(c).orElse(null);
            if (cat == null) {
                break;
            }
            path.add(cat.code());
            c = cat.parentCode();
        }
        return path.isEmpty() ? List.of("-") : path;
    }
}
