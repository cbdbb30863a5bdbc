package vn.htxconnect.linkage;

import java.time.LocalDate;

/**
 * A proposed linkage. The caller proposes for the side it is a member of (that side is confirmed at
 * once); the Alliance may record one between any two organizations (origin ALLIANCE; both confirm).
 */
public record LinkageInput(String supplierOrganizationId, String customerOrganizationId, String productId, String category,
                           LinkageEnums.Stage supplierStage, LinkageEnums.Stage customerStage, Double volumePerPeriod,
                           String unit, LinkageEnums.Period period, Long pricePerUnitVnd, String priceTerms,
                           LocalDate startDate, LocalDate endDate, LinkageEnums.Origin origin, String originRef,
                           String clientMutationId) {
}
