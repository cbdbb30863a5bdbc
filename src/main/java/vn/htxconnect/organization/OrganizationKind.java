package vn.htxconnect.organization;

/** What an organization is; cooperatives of the three legal forms supply, the rest buy or intermediate. */
public enum OrganizationKind {
    COOPERATIVE, COOPERATIVE_UNION, COOPERATIVE_GROUP, RETAIL_CHAIN, PROCESSOR, DISTRIBUTOR, PARTNER;

    /** True for the forms the Law on Cooperatives 2023 recognises (HTX, liên hiệp HTX, tổ hợp tác). */
    public boolean isCooperative() {
        return this == COOPERATIVE || this == COOPERATIVE_UNION || this == COOPERATIVE_GROUP;
    }
}
