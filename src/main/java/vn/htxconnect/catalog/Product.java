package vn.htxconnect.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import vn.htxconnect.platform.GlobalId;

/** A product listing as the API shows it (built from MySQL or from its search document). */
public record Product(
        long databaseId, long organizationId, String externalRef, String name, String description,
        String categoryCode, Unit unit, Long priceMinVnd, Long priceMaxVnd, BigDecimal minOrderQty,
        BigDecimal monthlyCapacity, List<Integer> availableMonths, String provinceCode, Double lat, Double lon,
        List<String> imageUrls, ProductStatus status, List<Certification> certifications,
        Instant createdAt, Instant updatedAt, long version) {

    public static final String TYPE = "Product";

    /** Opaque global ID. */
    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** Only certificates valid today (an expired certificate never counts). */
    public List<Certification> validCertifications() {
        return certifications.stream().filter(Certification::valid).toList();
    }

    /** Highest OCOP rating among valid OCOP certificates, or null. */
    public Integer ocopStars() {
        return validCertifications().stream()
                .filter(c -> c.scheme() == CertificationScheme.OCOP && c.ocopStars() != null)
                .map(Certification::ocopStars).max(Integer::compare).orElse(null);
    }

    /** A builder of an empty active product (lists empty), so nobody lists the 21 fields in order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Product} field by field. */
    public static final class Builder {

        private long databaseId;
        private long organizationId;
        private String externalRef;
        private String name;
        private String description;
        private String categoryCode;
        private Unit unit;
        private Long priceMinVnd;
        private Long priceMaxVnd;
        private BigDecimal minOrderQty;
        private BigDecimal monthlyCapacity;
        private List<Integer> availableMonths = List.of();
        private String provinceCode;
        private Double lat;
        private Double lon;
        private List<String> imageUrls = List.of();
        private ProductStatus status = ProductStatus.ACTIVE;
        private List<Certification> certifications = List.of();
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        public Builder databaseId(long databaseId) {
            this.databaseId = databaseId;
            return this;
        }

        public Builder organizationId(long organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder externalRef(String externalRef) {
            this.externalRef = externalRef;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder categoryCode(String categoryCode) {
            this.categoryCode = categoryCode;
            return this;
        }

        public Builder unit(Unit unit) {
            this.unit = unit;
            return this;
        }

        public Builder priceMinVnd(Long priceMinVnd) {
            this.priceMinVnd = priceMinVnd;
            return this;
        }

        public Builder priceMaxVnd(Long priceMaxVnd) {
            this.priceMaxVnd = priceMaxVnd;
            return this;
        }

        public Builder minOrderQty(BigDecimal minOrderQty) {
            this.minOrderQty = minOrderQty;
            return this;
        }

        public Builder monthlyCapacity(BigDecimal monthlyCapacity) {
            this.monthlyCapacity = monthlyCapacity;
            return this;
        }

        public Builder availableMonths(List<Integer> availableMonths) {
            this.availableMonths = availableMonths;
            return this;
        }

        public Builder provinceCode(String provinceCode) {
            this.provinceCode = provinceCode;
            return this;
        }

        public Builder lat(Double lat) {
            this.lat = lat;
            return this;
        }

        public Builder lon(Double lon) {
            this.lon = lon;
            return this;
        }

        public Builder imageUrls(List<String> imageUrls) {
            this.imageUrls = imageUrls;
            return this;
        }

        public Builder status(ProductStatus status) {
            this.status = status;
            return this;
        }

        public Builder certifications(List<Certification> certifications) {
            this.certifications = certifications;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Product build() {
            return new Product(databaseId, organizationId, externalRef, name, description, categoryCode, unit, priceMinVnd,
                    priceMaxVnd, minOrderQty, monthlyCapacity, availableMonths, provinceCode, lat, lon, imageUrls, status,
                    certifications, createdAt, updatedAt, version);
        }
    }
}
