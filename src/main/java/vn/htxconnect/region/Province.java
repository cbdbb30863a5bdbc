package vn.htxconnect.region;

import java.util.List;
import java.util.Objects;

/**
 * A province-level unit in force since 1 July 2025 (one of 34).
 *
 * @param code two-digit statistical code assigned in 2025, e.g. "68"
 * @param slug ASCII identifier for URLs, e.g. "lam-dong"
 * @param name official Vietnamese name, e.g. "Lâm Đồng"
 * @param nameEn English name, e.g. "Lam Dong Province"
 * @param kind province or centrally run city
 * @param region geographic-economic region
 * @param centroid approximate centre of the (merged) territory
 * @param legacy pre-2025 provinces merged into this unit, including the one whose name it kept;
 *     empty for the 11 units the merger left unchanged
 */
public record Province(
        String code,
        String slug,
        String name,
        String nameEn,
        ProvinceKind kind,
        EconomicRegion region,
        GeoPoint centroid,
        List<LegacyProvince> legacy) {

    public Province {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(centroid, "centroid");
        legacy = List.copyOf(legacy);
    }
}
