package vn.htxconnect.sourcing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.sourcing.SourcingEnums.ConfidentialField;
import vn.htxconnect.sourcing.SourcingEnums.Frequency;
import vn.htxconnect.sourcing.SourcingEnums.Status;
import vn.htxconnect.sourcing.SourcingEnums.Visibility;

/**
 * A buyer's sourcing request as the API shows it. {@code quantity}, {@code targetMaxPriceVnd} and
 * {@code buyerOrganizationId} are null in a {@link #redacted()} copy when the buyer hid them.
 */
public record SourcingRequest(
        long databaseId, Long buyerOrganizationId, String title, String details, String categoryCode,
        BigDecimal quantity, Unit unit, Frequency frequency, String deliveryProvinceCode, String deliveryAddress,
        double deliveryLat, double deliveryLon, Double maxDistanceKm, List<CertificationScheme> certifications,
        Integer minOcopStars, Long targetMaxPriceVnd, LocalDate windowFrom, LocalDate windowTo, Instant expiresAt,
        Status status, String statusReason, Visibility visibility, List<Long> invitedOrganizationIds,
        Set<ConfidentialField> confidentialFields, boolean verifiedSuppliersOnly, Instant createdAt,
        Instant updatedAt, long version) {

    public static final String TYPE = "SourcingRequest";

    /** Opaque global ID. */
    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** Open and not yet expired: suppliers can answer it. */
    public boolean acceptingOffers() {
        return status == Status.OPEN && expiresAt.isAfter(Instant.now());
    }

    /** The copy non-parties see: hidden fields and the invitation list removed. */
    public SourcingRequest redacted() {
        return new SourcingRequest(databaseId,
                confidentialFields.contains(ConfidentialField.BUYER) ? null : buyerOrganizationId, title, details,
                categoryCode, confidentialFields.contains(ConfidentialField.QUANTITY) ? null : quantity, unit, frequency,
                deliveryProvinceCode, deliveryAddress, deliveryLat, deliveryLon, maxDistanceKm, certifications,
                minOcopStars, confidentialFields.contains(ConfidentialField.TARGET_PRICE) ? null : targetMaxPriceVnd,
                windowFrom, windowTo, expiresAt, status, null, visibility, List.of(), confidentialFields,
                verifiedSuppliersOnly, createdAt, updatedAt, version);
    }
}
