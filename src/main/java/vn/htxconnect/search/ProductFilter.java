package vn.htxconnect.search;

import java.util.List;

/**
 * Filter of {@code searchProducts}; null fields do not filter.
 *
 * @param category a category code or name; includes its sub-categories
 * @param province a province code, current or legacy name
 * @param certifications schemes that must each have a certificate valid today
 * @param near a point and radius the product's origin must lie within
 * @param organizationKinds kinds of seller (COOPERATIVE, PROCESSOR…); the product's seller must be one
 */
public record ProductFilter(String category, String province, List<String> certifications, Integer minOcopStars,
                            String organizationId, Boolean verifiedOnly, Integer availableInMonth,
                            Double minMonthlyCapacity, String capacityUnit, Long maxPriceVnd, GeoFilter near,
                            List<String> organizationKinds) {

    /** A filter that narrows nothing yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this filter's fields, for a copy that changes some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.category = category;
        b.province = province;
        b.certifications = certifications;
        b.minOcopStars = minOcopStars;
        b.organizationId = organizationId;
        b.verifiedOnly = verifiedOnly;
        b.availableInMonth = availableInMonth;
        b.minMonthlyCapacity = minMonthlyCapacity;
        b.capacityUnit = capacityUnit;
        b.maxPriceVnd = maxPriceVnd;
        b.near = near;
        b.organizationKinds = organizationKinds;
        return b;
    }

    /**
     * True when no field narrows the search: blank texts, an empty certificate list, {@code verifiedOnly}
     * false and a capacity unit without a quantity narrow nothing.
     */
    public boolean isEmpty() {
        return blank(category) && blank(province) && (certifications == null || certifications.isEmpty())
                && minOcopStars == null && organizationId == null && !Boolean.TRUE.equals(verifiedOnly)
                && availableInMonth == null && minMonthlyCapacity == null && maxPriceVnd == null && near == null
                && (organizationKinds == null || organizationKinds.isEmpty());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Builds a {@link ProductFilter} field by field; fields not set do not filter. */
    public static final class Builder {

        private String category;
        private String province;
        private List<String> certifications;
        private Integer minOcopStars;
        private String organizationId;
        private Boolean verifiedOnly;
        private Integer availableInMonth;
        private Double minMonthlyCapacity;
        private String capacityUnit;
        private Long maxPriceVnd;
        private GeoFilter near;
        private List<String> organizationKinds;

        private Builder() {
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder province(String province) {
            this.province = province;
            return this;
        }

        public Builder certifications(List<String> certifications) {
            this.certifications = certifications;
            return this;
        }

        public Builder minOcopStars(Integer minOcopStars) {
            this.minOcopStars = minOcopStars;
            return this;
        }

        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder verifiedOnly(Boolean verifiedOnly) {
            this.verifiedOnly = verifiedOnly;
            return this;
        }

        public Builder availableInMonth(Integer availableInMonth) {
            this.availableInMonth = availableInMonth;
            return this;
        }

        public Builder minMonthlyCapacity(Double minMonthlyCapacity) {
            this.minMonthlyCapacity = minMonthlyCapacity;
            return this;
        }

        public Builder capacityUnit(String capacityUnit) {
            this.capacityUnit = capacityUnit;
            return this;
        }

        public Builder maxPriceVnd(Long maxPriceVnd) {
            this.maxPriceVnd = maxPriceVnd;
            return this;
        }

        public Builder near(GeoFilter near) {
            this.near = near;
            return this;
        }

        public Builder organizationKinds(List<String> organizationKinds) {
            this.organizationKinds = organizationKinds;
            return this;
        }

        public ProductFilter build() {
            return new ProductFilter(category, province, certifications, minOcopStars, organizationId, verifiedOnly,
                    availableInMonth, minMonthlyCapacity, capacityUnit, maxPriceVnd, near, organizationKinds);
        }
    }

    /** A circle on the map. */
    public record GeoFilter(Double lat, Double lon, Double radiusKm) {
    }
}
