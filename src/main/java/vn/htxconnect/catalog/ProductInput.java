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
}
