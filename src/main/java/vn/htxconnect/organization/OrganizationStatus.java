package vn.htxconnect.organization;

/** Whether an organization takes part in the marketplace; archived ones and their products leave search. */
public enum OrganizationStatus {
    ACTIVE, ARCHIVED
}
