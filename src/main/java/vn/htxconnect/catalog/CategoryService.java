package vn.htxconnect.catalog;

import java.util.List;
import java.util.Optional;

import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Message;

/** The category taxonomy (a small table, held in memory). */
public interface CategoryService {

    List<Category> all();

    Optional<Category> findByCode(String code);

    /** A code, or a Vietnamese or English name, ignoring case and tone marks. */
    Optional<Category> resolve(String codeOrName);

    /** The category and its sub-categories' codes (filters on a parent include its children). */
    List<String> withDescendants(String code);

    /**
     * The code of the category a filter names (as {@link #resolve} reads it), null when the value is absent or
     * blank; a value that names no category is refused as BAD_REQUEST on {@code field}.
     */
    default String codeOf(String field, String value) {
        return value == null || value.isBlank() ? null : resolve(value).map(Category::code)
                .orElseThrow(() -> ApiException.badRequest(field, Message.of("catalog.category.unknown")));
    }

    /** What a category filter matches: the named category and its sub-categories ({@link #codeOf}); empty when absent. */
    default List<String> codesUnder(String field, String value) {
        String code = codeOf(field, value);
        return code == null ? List.of() : withDescendants(code);
    }
}
