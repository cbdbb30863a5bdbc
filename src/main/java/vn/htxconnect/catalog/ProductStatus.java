package vn.htxconnect.catalog;

/** Lifecycle of a product listing; only ACTIVE products are searchable by buyers. */
public enum ProductStatus {
    DRAFT, ACTIVE, ARCHIVED
}
