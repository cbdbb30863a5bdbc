package vn.htxconnect.sourcing;

import java.util.List;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.platform.Message;
import vn.htxconnect.search.ProductCandidates.ItemTier;
import vn.htxconnect.sourcing.SourcingEnums.Factor;

/**
 * A product matched to a sourcing request, with the factors its score is the weighted mean of.
 * Matches rank by item tier first (the requested item before substitutes before other items), then by score.
 *
 * @param coverage share of the requested volume the product can supply, 0 to 1 (null when unknown)
 * @param distanceKm from the product's origin to the delivery point
 * @param itemTier whether the product is the item the request's words ask for, a substitute, or another item
 */
public record Match(SourcingRequest request, Product product, double score, List<MatchFactor> factors,
                   Double coverage, Double distanceKm, ItemTier itemTier) {

    /**
     * One factor: a score in [0, 1], its weight, and the sentence parts (messages, rendered in the
     * caller's language where they leave the server) built from the same numbers as the score.
     */
    public record MatchFactor(Factor factor, double score, double weight, List<Message> explanation) {
    }
}
