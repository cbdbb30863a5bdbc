package vn.htxconnect.search;

/** Sort order of {@code searchProducts}. */
public record ProductSort(Field field, Direction direction) {

    /** What to sort on. */
    public enum Field { RELEVANCE, DISTANCE, PRICE, NEWEST }

    /** Which way. */
    public enum Direction { ASC, DESC }
}
