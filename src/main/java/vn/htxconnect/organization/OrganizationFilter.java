package vn.htxconnect.organization;

import java.util.List;

/** Filter of the {@code organizations} list; null fields do not filter, except status (default ACTIVE). */
public record OrganizationFilter(List<OrganizationKind> kinds, String province, VerificationStatus verification,
                                 String text, OrganizationStatus status) {
}
