package vn.htxconnect.organization;

import java.util.List;

/** Fields of {@code createOrganization}/{@code updateOrganization}; null means "not given". */
public record OrganizationInput(
        String id, Long expectedVersion, OrganizationKind kind, String name, String taxCode, Integer foundedYear,
        Integer memberCount, List<String> sectors, String province, String address, Double lat, Double lon,
        String contactName, String contactPhone, String contactEmail, String website, String description,
        String clientMutationId) {
}
