package vn.htxconnect.search.internal;

import java.util.List;
import java.util.Optional;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;

/** A fixed taxonomy for unit tests of classes that only read {@link CategoryService#all()} and look-ups by code. */
record FixedTaxonomy(List<Category> all) implements CategoryService {

    @Override
    public Optional<Category> findByCode(String code) {
        return all.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Category> resolve(String codeOrName) {
        return findByCode(codeOrName);
    }

    @Override
    public List<String> withDescendants(String code) {
        return List.of(code);
    }
}
