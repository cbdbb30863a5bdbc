package vn.htxconnect.search.internal;

import java.util.List;

/**
 * A user query with its regional-synonym alternatives, as {@link QueryExpander} produced it.
 *
 * @param normalized    the query as {@link vn.htxconnect.platform.VietnameseText#normalize(String)} returns it
 * @param folded        the query folded (no diacritics), for the folded field
 * @param hasDiacritics whether the user typed any diacritics
 * @param alternatives  the normalized query with one span replaced by one equivalent each; capped, no duplicates
 * @param spans         the spans that have equivalents, left to right, for building per-span {@code should} clauses
 */
public record ExpandedQuery(String normalized, String folded, boolean hasDiacritics,
        List<String> alternatives, List<Span> spans) {

    public ExpandedQuery {
        alternatives = List.copyOf(alternatives);
        spans = List.copyOf(spans);
    }

    /** The expansion of empty or blank input. */
    public static ExpandedQuery empty() {
        return new ExpandedQuery("", "", false, List.of(), List.of());
    }

    /** True if no rule produced any alternative. */
    public boolean isUnexpanded() {
        return spans.isEmpty();
    }

    /**
     * A matched phrase of the query.
     *
     * @param start       start offset in {@link ExpandedQuery#normalized()} (inclusive)
     * @param end         end offset in {@link ExpandedQuery#normalized()} (exclusive)
     * @param text        the span as typed (normalized), e.g. "dau phong"
     * @param terms       the rule terms it matched, with diacritics, e.g. "đậu phộng"
     * @param equivalents what the span may be replaced by, with diacritics, in rule-file order
     */
    public record Span(int start, int end, String text, List<String> terms, List<String> equivalents) {

        public Span {
            terms = List.copyOf(terms);
            equivalents = List.copyOf(equivalents);
        }
    }
}
