package vn.htxconnect.sourcing;

import java.util.List;

import vn.htxconnect.platform.UserError;

/** Result of a sourcing request mutation: the request, or the reasons nothing changed. */
public record SourcingRequestPayload(SourcingRequest sourcingRequest, List<UserError> errors, String clientMutationId) {
}
