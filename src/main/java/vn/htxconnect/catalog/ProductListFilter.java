package vn.htxconnect.catalog;

/** Filter of the {@code products} list (straight from the catalogue, not search); null fields do not filter. */
public record ProductListFilter(String organizationId, ProductStatus status, String category) {
}
