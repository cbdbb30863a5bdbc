package vn.htxconnect.region;

import java.util.Objects;

/**
 * A province as it existed before 1 July 2025, now part of a merged {@link Province}.
 *
 * @param code its old two-digit statistical code; may equal the merged unit's code
 * @param name its old name with diacritics, e.g. "Đắk Nông"
 * @param centroid approximate centre of its old territory
 */
public record LegacyProvince(String code, String name, GeoPoint centroid) {

    public LegacyProvince {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(centroid, "centroid");
    }
}
