package vn.htxconnect.search.internal;

import static vn.htxconnect.search.internal.ProductField.CATEGORY_CODE;
import static vn.htxconnect.search.internal.ProductField.CERTIFICATIONS;
import static vn.htxconnect.search.internal.ProductField.CREATED_AT;
import static vn.htxconnect.search.internal.ProductField.DESCRIPTION;
import static vn.htxconnect.search.internal.ProductField.DESCRIPTION_FOLDED;
import static vn.htxconnect.search.internal.ProductField.ID;
import static vn.htxconnect.search.internal.ProductField.LOCATION;
import static vn.htxconnect.search.internal.ProductField.NAME;
import static vn.htxconnect.search.internal.ProductField.NAME_FOLDED;
import static vn.htxconnect.search.internal.ProductField.PRICE_MIN_VND;
import static vn.htxconnect.search.internal.ProductField.PROVINCE_CODE;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.util.NamedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.region.GeoPoint;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.search.ProductFilter;
import vn.htxconnect.search.ProductSort;
import vn.htxconnect.search.SearchHit;
import vn.htxconnect.search.ProductSearchConnection;

/** Runs product searches: one Elasticsearch request per page, products built from the documents (no SQL). */
@Service
class ProductSearchService {

    private static final Logger log = LoggerFactory.getLogger(ProductSearchService.class);

    private final ElasticsearchClient client;
    private final IndexManager indices;
    private final ProductQueryBuilder queries;
    private final CategoryService categories;
    private final ProvinceService provinces;
    private final SearchMissRecorder misses;
    private final ProductIndexHealer healer;

    ProductSearchService(ElasticsearchClient client, IndexManager indices, ProductQueryBuilder queries,
                         CategoryService categories, ProvinceService provinces,
                         SearchMissRecorder misses, ProductIndexHealer healer) {
        this.misses = misses;
        this.healer = healer;
        this.client = client;
        this.indices = indices;
        this.queries = queries;
        this.categories = categories;
        this.provinces = provinces;
    }

    /** The Elasticsearch request a search sends (the admin API shows its body, benchmarks replay it). */
    SearchRequest request(String text, ProductFilter filter, ProductSort sort, int first, String after) {
        if (text != null && text.length() > ProductQueryBuilder.MAX_QUERY_LENGTH) {
            throw ApiException.badRequest("query", Message.of("search.query.tooLong", ProductQueryBuilder.MAX_QUERY_LENGTH));
        }
        Query query = queries.build(text, filter);
        Query highlightQuery = queries.highlightQuery(text);
        List<SortOptions> sortOptions = sortOptions(sort, origin(filter), text != null && !text.isBlank());
        List<FieldValue> searchAfter = after == null ? null : SearchCursor.decode(after, sortOptions.size());
        return SearchRequest.of(s -> {
            s.index(indices.alias(IndexManager.PRODUCTS)).query(query).size(first + 1).sort(sortOptions)
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(ProductField.source())))
                    .highlight(h -> h.preTags(Highlights.PRE).postTags(Highlights.POST)
                            .highlightQuery(highlightQuery)
                            .fields(whole(NAME), whole(NAME_FOLDED), whole(DESCRIPTION),
                                    whole(DESCRIPTION_FOLDED)))
                    .aggregations(facetAggregations());
            if (searchAfter != null) {
                s.searchAfter(searchAfter);
            }
            return s;
        });
    }

    private static GeoPoint origin(ProductFilter filter) {
        return filter != null && filter.near() != null ? point(ProductQueryBuilder.checkedNear(filter.near(), false)) : null;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    ProductSearchConnection search(String text, ProductFilter filter, ProductSort sort, int first, String after) {
        SearchRequest request = request(text, filter, sort, first, after);
        GeoPoint origin = origin(filter);
        SearchResponse<Map> response;
        try {
            response = client.search(request, Map.class);
        } catch (IOException e) {
            if (e instanceof ResponseException r && r.getResponse().getStatusCode() == 503 && healer.snapshot().degraded()) {
                // The index being rebuilt was created a moment ago and its shard is not started yet: nothing exists
                // to answer from, which the response says (extensions.searchIndex), as for no index at all.
                return empty(after);
            }
            log.warn("Search failed: {}", e.toString());
            throw new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable"));
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 404) {
                // No index (never created, or Elasticsearch lost it): an empty result, not an error, and the response
                // says why (extensions.searchIndex) while the healer rebuilds it.
                healer.missingSeen();
                return empty(after);
            }
            if (e.status() == 503 && healer.snapshot().degraded()) {
                return empty(after);
            }
            log.warn("Search rejected: {}", e.toString());
            throw new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable"));
        }
        List<Hit<Map>> hits = response.hits().hits();
        boolean hasNext = hits.size() > first;
        List<SearchHit> edges = new ArrayList<>();
        for (Hit<Map> hit : hits.subList(0, Math.min(first, hits.size()))) {
            Product p = ProductDocument.product(hit.source());
            Double distance = origin == null || p.lat() == null ? null
                    : Math.round(origin.distanceKm(new GeoPoint(p.lat(), p.lon())) * 10) / 10.0;
            edges.add(new SearchHit(SearchCursor.encode(hit.sort()), p, hit.score(), highlights(p, hit.highlight()), distance));
        }
        long total = response.hits().total() == null ? edges.size() : response.hits().total().value();
        if (total == 0 && after == null) {
            // Only an empty first page is a miss; working out its cause costs at most one count, and only here.
            misses.record(text, filter);
        }
        Connection.PageInfo pageInfo = new Connection.PageInfo(hasNext, after != null,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
        return new ProductSearchConnection(edges, pageInfo, total, facets(response.aggregations()));
    }

    private static ProductSearchConnection empty(String after) {
        return new ProductSearchConnection(List.of(), new Connection.PageInfo(false, after != null, null, null), 0,
                new ProductSearchConnection.Facets(List.of(), List.of(), List.of(), List.of()));
    }

    private static NamedValue<HighlightField> whole(ProductField field) {
        return NamedValue.of(field.field(), HighlightField.of(f -> f.numberOfFragments(0)));
    }

    private static GeoPoint point(ProductFilter.GeoFilter g) {
        return new GeoPoint(g.lat(), g.lon());
    }

    private static List<SortOptions> sortOptions(ProductSort sort, GeoPoint origin, boolean hasText) {
        ProductSort.Field field = sort == null || sort.field() == null
                ? (hasText ? ProductSort.Field.RELEVANCE : ProductSort.Field.NEWEST) : sort.field();
        boolean desc = sort != null && sort.direction() == ProductSort.Direction.DESC;
        SortOrder order = desc ? SortOrder.Desc : SortOrder.Asc;
        List<SortOptions> out = new ArrayList<>();
        switch (field) {
            case RELEVANCE -> out.add(SortOptions.of(s -> s.score(sc -> sc.order(
                    sort != null && sort.direction() == ProductSort.Direction.ASC ? SortOrder.Asc : SortOrder.Desc))));
            case DISTANCE -> {
                if (origin == null) {
                    throw ApiException.badRequest("sort.field", Message.of("search.sort.distanceNeedsNear"));
                }
                out.add(SortOptions.of(s -> s.geoDistance(g -> g.field(LOCATION.field())
                        .location(l -> l.latlon(ll -> ll.lat(origin.lat()).lon(origin.lon())))
                        .order(order).unit(DistanceUnit.Kilometers))));
            }
            case PRICE -> out.add(SortOptions.of(s -> s.field(f -> f.field(PRICE_MIN_VND.field()).order(order)
                    .missing(FieldValue.of("_last")))));
            case NEWEST -> out.add(SortOptions.of(s -> s.field(f -> f.field(CREATED_AT.field())
                    .order(sort == null || sort.direction() == null ? SortOrder.Desc : order))));
        }
        out.add(SortOptions.of(s -> s.field(f -> f.field(ID.field()).order(SortOrder.Asc))));
        return out;
    }

    private static Map<String, Aggregation> facetAggregations() {
        Query valid = ProductQueryBuilder.validToday();
        return Map.of(
                "category", Aggregation.of(a -> a.terms(t -> t.field(CATEGORY_CODE.field()).size(60))),
                "province", Aggregation.of(a -> a.terms(t -> t.field(PROVINCE_CODE.field()).size(40))),
                "certs", Aggregation.of(a -> a.nested(n -> n.path(CERTIFICATIONS.field()))
                        .aggregations("valid", v -> v.filter(valid)
                                // OTHER is not a scheme to filter on, so it is not offered as a facet value.
                                .aggregations("scheme", s -> s.terms(t -> t.field(ProductField.CertificateField.SCHEME.path()).size(20).exclude(e -> e.terms(List.of("OTHER")))))
                                .aggregations("ocop", o -> o.filter(ProductQueryBuilder.term(ProductField.CertificateField.SCHEME.path(), "OCOP"))
                                        .aggregations("stars", st -> st.terms(t -> t.field(ProductField.CertificateField.OCOP_STARS.path()).size(5)))))));
    }

    private ProductSearchConnection.Facets facets(Map<String, Aggregate> aggs) {
        if (aggs == null || aggs.isEmpty()) {
            return new ProductSearchConnection.Facets(List.of(), List.of(), List.of(), List.of());
        }
        List<ProductSearchConnection.FacetValue> category = aggs.get("category").sterms().buckets().array().stream()
                .map(b -> new ProductSearchConnection.FacetValue(b.key().stringValue(),
                        categories.findByCode(b.key().stringValue()).map(Category::nameVi).orElse(b.key().stringValue()),
                        b.docCount())).toList();
        List<ProductSearchConnection.FacetValue> province = aggs.get("province").sterms().buckets().array().stream()
                .map(b -> new ProductSearchConnection.FacetValue(b.key().stringValue(),
                        provinces.findByCode(b.key().stringValue()).map(p -> p.name()).orElse(b.key().stringValue()),
                        b.docCount())).toList();
        Aggregate valid = aggs.get("certs").nested().aggregations().get("valid");
        // Counted per certificate; a product holds at most one certificate of a scheme in practice.
        List<ProductSearchConnection.FacetValue> certs = valid.filter().aggregations().get("scheme").sterms().buckets().array()
                .stream().map(b -> new ProductSearchConnection.FacetValue(b.key().stringValue(),
                        label(b.key().stringValue()), b.docCount())).toList();
        List<ProductSearchConnection.FacetValue> stars = valid.filter().aggregations().get("ocop").filter().aggregations()
                .get("stars").lterms().buckets().array().stream()
                .map(b -> new ProductSearchConnection.FacetValue(String.valueOf(b.key()), b.key() + "★", b.docCount())).toList();
        return new ProductSearchConnection.Facets(category, province, certs, stars);
    }

    private static String label(String scheme) {
        return CertificationScheme.valueOf(scheme).displayName();
    }

    private static List<SearchHit.Highlight> highlights(Product p, Map<String, List<String>> hl) {
        List<SearchHit.Highlight> out = new ArrayList<>();
        String name = first(hl, NAME);
        if (name == null) {
            name = Highlights.onOriginal(p.name(), first(hl, NAME_FOLDED));
        }
        if (name != null) {
            out.add(new SearchHit.Highlight("name", List.of(name)));
        }
        String description = first(hl, DESCRIPTION);
        if (description == null) {
            description = Highlights.onOriginal(p.description(), first(hl, DESCRIPTION_FOLDED));
        }
        if (description != null) {
            out.add(new SearchHit.Highlight("description", List.of(Highlights.around(description, 160))));
        }
        return out;
    }

    private static String first(Map<String, List<String>> hl, ProductField field) {
        List<String> f = hl == null ? null : hl.get(field.field());
        return f == null || f.isEmpty() ? null : f.getFirst();
    }
}
