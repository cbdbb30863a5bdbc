package vn.htxconnect.search;

import java.util.List;

import vn.htxconnect.platform.Connection;

/** A page of search hits with facet counts over all matches (the class name ends in Connection so Spring GraphQL passes it through as is). */
public record ProductSearchConnection(List<SearchHit> edges, Connection.PageInfo pageInfo, long totalCount, Facets facets) {

    /** Counts of matches per value, for narrowing a search. */
    public record Facets(List<FacetValue> category, List<FacetValue> province, List<FacetValue> certification,
                         List<FacetValue> ocopStars) {
    }

    /** A facet value, its display label and how many matches have it. */
    public record FacetValue(String value, String label, long count) {
    }
}
