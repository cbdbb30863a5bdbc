package vn.htxconnect.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * Fields of {@code createProduct}/{@code updateProduct} and of one CSV row; null means "not given".
 * {@code organizationId} and {@code id} are global IDs.
 */
public record ProductInput(
        String id, Long expectedVersion, String organizationId, String externalRef, String name, String description,
        String category, String unit, Long priceMinVnd, Long priceMaxVnd, BigDecimal minOrderQty,
        BigDecimal monthlyCapacity, List<Integer> availableMonths, List<CertificationInput> certifications,
        String province, Double lat, Double lon, List<String> imageUrls, ProductStatus status,
        String clientMutationId) {

    /** An input that gives no field yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this input's fields, for a copy that changes some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.expectedVersion = expectedVersion;
        b.organizationId = organizationId;
        b.externalRef = externalRef;
        b.name = name;
        b.description = description;
        b.category = category;
        b.unit = unit;
        b.priceMinVnd = priceMinVnd;
        b.priceMaxVnd = priceMaxVnd;
        b.minOrderQty = minOrderQty;
        b.monthlyCapacity = monthlyCapacity;
        b.availableMonths = availableMonths;
        b.certifications = certifications;
        b.province = province;
        b.lat = lat;
        b.lon = lon;
        b.imageUrls = imageUrls;
        b.status = status;
        b.clientMutationId = clientMutationId;
        return b;
    }

    /** Builds a {@link ProductInput} field by field; fields not set stay null ("not given"). */
    public static final class Builder {

        private String id;
        private Long expectedVersion;
        private String organizationId;
        private String externalRef;
        private String name;
        private String description;
        private String category;
        private String unit;
        private Long priceMinVnd;
        private Long priceMaxVnd;
        private BigDecimal minOrderQty;
        private BigDecimal monthlyCapacity;
        private List<Integer> availableMonths;
        private List<CertificationInput> certifications;
        private String province;
        private Double lat;
        private Double lon;
        private List<String> imageUrls;
        private ProductStatus status;
        private String clientMutationId;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder expectedVersion(Long expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        public Builder organizationId(String organizationId) {
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

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder unit(String unit) {
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

        public Builder certifications(List<CertificationInput> certifications) {
            this.certifications = certifications;
            return this;
        }

        public Builder province(String province) {
            this.province = province;
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

        public Builder clientMutationId(String clientMutationId) {
            this.clientMutationId = clientMutationId;
            return this;
        }

        public ProductInput build() {
            return new ProductInput(id, expectedVersion, organizationId, externalRef, name, description, category, unit,
                    priceMinVnd, priceMaxVnd, minOrderQty, monthlyCapacity, availableMonths, certifications, province,
                    lat, lon, imageUrls, status, clientMutationId);
        }
    }
}
