package vn.htxconnect.sourcing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.sourcing.SourcingEnums.ConfidentialField;
import vn.htxconnect.sourcing.SourcingEnums.Frequency;
import vn.htxconnect.sourcing.SourcingEnums.Visibility;

/**
 * Fields of {@code createSourcingRequest}/{@code updateSourcingRequest}; null means "not given".
 * IDs are global IDs.
 */
public record SourcingRequestInput(
        String id, Long expectedVersion, String buyerOrganizationId, String title, String details, String category,
        BigDecimal quantity, String unit, Frequency frequency, String deliveryProvince, String deliveryAddress,
        Double deliveryLat, Double deliveryLon, Double maxDistanceKm, List<CertificationScheme> certifications,
        Integer minOcopStars, Long targetMaxPriceVnd, LocalDate windowFrom, LocalDate windowTo, Instant expiresAt,
        Visibility visibility, List<String> invitedOrganizationIds, List<ConfidentialField> confidentialFields,
        Boolean verifiedSuppliersOnly, String clientMutationId) {
}
