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
}
