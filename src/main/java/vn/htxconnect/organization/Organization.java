package vn.htxconnect.organization;

import java.time.Instant;
import java.util.List;

import vn.htxconnect.platform.GlobalId;

/** An organization as the API shows it. */
public record Organization(
        long databaseId, OrganizationKind kind, String name, String taxCode, Integer foundedYear, Integer memberCount,
        List<String> sectors, String provinceCode, String address, Double lat, Double lon,
        String contactName, String contactPhone, String contactEmail, String website, String description,
        VerificationStatus verificationStatus, Instant verifiedAt, OrganizationStatus status, Instant createdAt,
        Instant updatedAt, long version) {

    public static final String TYPE = "Organization";

    /** Opaque global ID. */
    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** Active organizations' products are searchable; archived ones' are not. */
    public boolean active() {
        return status == OrganizationStatus.ACTIVE;
    }

    public boolean verified() {
        return verificationStatus == VerificationStatus.VERIFIED;
    }
}
