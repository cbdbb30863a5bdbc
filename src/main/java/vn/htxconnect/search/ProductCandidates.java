package vn.htxconnect.search;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import vn.htxconnect.catalog.Product;

/**
 * Candidate products for matching (sourcing requests): the product index queried with the same
 * filters and Vietnamese text handling as {@code searchProducts}, returned with their relevance so
 * the caller can rank them by its own factors. Other modules use this instead of search internals.
 */
public interface ProductCandidates {

    /**
     * What to look for.
     *
     * @param text free text; with a category it only adds relevance, without one something must match it
     * @param filter hard filters; its certifications and minOcopStars must hold over the whole validity window
     * @param validFrom first day certificates must be valid (null: today)
     * @param validThrough last day certificates must be valid (null: today)
     * @param availableInAnyMonth product must be available in at least one of these months (empty: any)
     */
    record Query(String text, ProductFilter filter, LocalDate validFrom, LocalDate validThrough,
                 List<Integer> availableInAnyMonth) {
    }

    /**
     * A candidate and what the index knows about it beyond the product.
     *
     * @param relevance Elasticsearch text score (0 when there was no text)
     * @param organizationVerified whether the supplier is verified by the Alliance
     * @param item whether the product is the item the query's words ask for
     */
    record Candidate(Product product, double relevance, boolean organizationVerified, ItemMatch item) {
    }

    /**
     * How a product stands to the item a buyer's words ask for, best first: the requested item (its
     * name carries every significant word, regional synonyms and variety codes included), a substitute
     * (it carries the head item but not every qualifier: variety, origin, cut, form), or another item.
     */
    enum ItemTier { REQUESTED, SUBSTITUTE, OTHER }

    /**
     * @param tier the product's tier for the words
     * @param missing the request's words (as typed, lower case) the product's name does not carry; empty for REQUESTED
     */
    record ItemMatch(ItemTier tier, List<String> missing) {
    }

    /** Up to {@code size} candidates, most text-relevant first (one Elasticsearch request, no SQL). */
    List<Candidate> find(Query query, int size);

    /**
     * The tier of products for a buyer's words (in memory; the same rule {@link #find} applies). The words
     * are read once: keep the function for every product judged against the same request.
     */
    Function<Product, ItemMatch> itemMatcher(String requested);
}
