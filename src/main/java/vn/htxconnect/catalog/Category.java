package vn.htxconnect.catalog;

/** A category of the two-level taxonomy; {@code parentCode} is null for top-level ones. */
public record Category(String code, String parentCode, String nameVi, String nameEn, int sortOrder) {
}
