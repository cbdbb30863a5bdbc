package vn.htxconnect.search.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.search.ProductFilter;
import vn.htxconnect.search.SearchMisses.Cause;

/**
 * Works out why a first page was empty. Runs only for empty pages, never on the normal path, and sends at most
 * one request: a count of the same words without the buyer's filters, stopped at the first hit, and only when
 * there were filters to blame. Only active products of active organizations are indexed (drafts and archived
 * listings are deleted from the index), so "the words find only drafts" cannot be told apart here.
 */
@Component
class SearchMissClassifier {

    private static final Logger log = LoggerFactory.getLogger(SearchMissClassifier.class);

    private final ElasticsearchClient client;
    private final IndexManager indices;
    private final ProductQueryBuilder queries;

    SearchMissClassifier(ElasticsearchClient client, IndexManager indices, ProductQueryBuilder queries) {
        this.client = client;
        this.indices = indices;
        this.queries = queries;
    }

    /** The cause of an empty first page for these words and filters; UNKNOWN when Elasticsearch cannot say. */
    Cause classify(String text, ProductFilter filter) {
        if (VietnameseText.foldedKey(text).isEmpty()) {
            // Punctuation or emoji: the analyzers find no term, so nothing could match whatever the filters.
            return Cause.UNREADABLE;
        }
        try {
            if (filter == null || filter.isEmpty()) {
                // Nothing narrowed the search beyond what every search has: the words alone found nothing.
                return Cause.NOT_LISTED;
            }
            Query unfiltered = queries.build(text, null);
            long found = client.count(c -> c.index(indices.alias(IndexManager.PRODUCTS)).query(unfiltered).terminateAfter(1L))
                    .count();
            return found > 0 ? Cause.FILTERED_OUT : Cause.NOT_LISTED;
        } catch (Exception e) {
            log.warn("Could not tell why a search found nothing: {}", e.toString());
            return Cause.UNKNOWN;
        }
    }
}
