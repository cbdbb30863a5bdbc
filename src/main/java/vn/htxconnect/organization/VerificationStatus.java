package vn.htxconnect.organization;

/** Whether the Cooperative Alliance has checked the organization. */
public enum VerificationStatus {
    UNVERIFIED, VERIFIED
}
