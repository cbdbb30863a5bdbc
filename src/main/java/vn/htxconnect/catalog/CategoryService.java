package vn.htxconnect.catalog;

import java.util.List;
import java.util.Optional;

/** The category taxonomy (a small table, held in memory). */
public interface CategoryService {

    List<Category> all();

    Optional<Category> findByCode(String code);

    /** A code, or a Vietnamese or English name, ignoring case and tone marks. */
    Optional<Category> resolve(String codeOrName);

    /** The category and its sub-categories' codes (filters on a parent include its children). */
    List<String> withDescendants(String code);
}
