package vn.htxconnect.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.search.ProductCandidates;

/** Candidates for matching from the product index: one request, products rebuilt from their documents. */
@Service
class ProductCandidateSearch implements ProductCandidates {

    private static final Logger log = LoggerFactory.getLogger(ProductCandidateSearch.class);

    private final ElasticsearchClient client;
    private final IndexManager indices;
    private final ProductQueryBuilder queries;
    private final ItemIdentity identity;

    ProductCandidateSearch(ElasticsearchClient client, IndexManager indices, ProductQueryBuilder queries,
                           ItemIdentity identity) {
        this.identity = identity;
        this.client = client;
        this.indices = indices;
        this.queries = queries;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List<Candidate> find(Query query, int size) {
        var esQuery = queries.candidates(query);
        SearchResponse<Map> response;
        try {
            response = client.search(s -> s.index(indices.alias(IndexManager.PRODUCTS)).query(esQuery).size(size)
                    .trackTotalHits(t -> t.enabled(false)), Map.class);
        } catch (IOException e) {
            log.warn("Candidate search failed: {}", e.toString());
            throw new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable"));
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of();
            }
            log.warn("Candidate search rejected: {}", e.toString());
            throw new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable"));
        }
        ItemIdentity.Requested requested = identity.parse(query.text());
        List<Candidate> out = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map<String, Object> source = hit.source();
            Product product = ProductDocument.product(source);
            out.add(new Candidate(product, hit.score() == null ? 0 : hit.score(),
                    Boolean.TRUE.equals(source.get(ProductField.ORG_VERIFIED.field())), identity.judge(requested, product)));
        }
        return out;
    }

    @Override
    public Function<Product, ItemMatch> itemMatcher(String requested) {
        ItemIdentity.Requested parsed = identity.parse(requested);
        return product -> identity.judge(parsed, product);
    }
}
