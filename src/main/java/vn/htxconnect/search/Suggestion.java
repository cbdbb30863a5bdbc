package vn.htxconnect.search;

/**
 * A completion for what a buyer is typing in a search box: a product name or a category.
 *
 * @param categoryCode the product's category, or the category itself
 */
public record Suggestion(String text, Kind kind, String categoryCode) {

    /** What a suggestion stands for. */
    public enum Kind { PRODUCT, CATEGORY }
}
