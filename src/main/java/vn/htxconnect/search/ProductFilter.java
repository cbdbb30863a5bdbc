package vn.htxconnect.search;

import java.util.List;

/**
 * Filter of {@code searchProducts}; null fields do not filter.
 *
 * @param category a category code or name; includes its sub-categories
 * @param province a province code, current or legacy name
 * @param certifications schemes that must each have a certificate valid today
 * @param near a point and radius the product's origin must lie within
 */
public record ProductFilter(String category, String province, List<String> certifications, Integer minOcopStars,
                            String organizationId, Boolean verifiedOnly, Integer availableInMonth,
                            Double minMonthlyCapacity, String capacityUnit, Long maxPriceVnd, GeoFilter near) {

    /** A circle on the map. */
    public record GeoFilter(Double lat, Double lon, Double radiusKm) {
    }
}
