package vn.htxconnect.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A Relay connection page: edges with cursors, page info and the total count of matches. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    /** One item of a page with the cursor that resumes after it. */
    public record Edge<T>(String cursor, T node) {
    }

    /** Relay page info; cursors are opaque. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** Builds a page from offset-addressed items (one more than asked tells whether a next page exists). */
    public static <T> Connection<T> fromOffset(List<T> fetched, int offset, int first, long totalCount) {
        boolean hasNext = fetched.size() > first;
        List<T> page = hasNext ? fetched.subList(0, first) : fetched;
        List<Edge<T>> edges = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            edges.add(new Edge<>(Cursors.offset(offset + i + 1), page.get(i)));
        }
        return of(edges, hasNext, offset > 0, totalCount);
    }

    /** Builds a page whose cursors come from each item (e.g. search_after sort values). */
    public static <T> Connection<T> fromKeyed(List<T> page, Function<T, String> cursorOf, boolean hasNext,
                                              boolean hasPrevious, long totalCount) {
        List<Edge<T>> edges = page.stream().map(t -> new Edge<>(cursorOf.apply(t), t)).toList();
        return of(edges, hasNext, hasPrevious, totalCount);
    }

    private static <T> Connection<T> of(List<Edge<T>> edges, boolean hasNext, boolean hasPrevious, long total) {
        String start = edges.isEmpty() ? null : edges.getFirst().cursor();
        String end = edges.isEmpty() ? null : edges.getLast().cursor();
        return new Connection<>(edges, new PageInfo(hasNext, hasPrevious, start, end), total);
    }

    public <R> Connection<R> map(Function<T, R> mapper) {
        List<Edge<R>> mapped = edges.stream().map(e -> new Edge<>(e.cursor(), mapper.apply(e.node()))).toList();
        return new Connection<>(mapped, pageInfo, totalCount);
    }
}
