package vn.htxconnect.search;

import java.util.List;

import vn.htxconnect.catalog.Product;

/** One product found, with why it ranked where it did. */
public record SearchHit(String cursor, Product node, Double score, List<Highlight> highlights, Double distanceKm) {

    /** A fragment of a field with matches wrapped in {@code <em>}. */
    public record Highlight(String field, List<String> fragments) {
    }
}
