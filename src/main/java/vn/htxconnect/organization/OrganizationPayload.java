package vn.htxconnect.organization;

import java.util.List;

import vn.htxconnect.platform.UserError;

/** Result of an organization mutation: the organization, or the reasons nothing changed. */
public record OrganizationPayload(Organization organization, List<UserError> errors, String clientMutationId) {
}
