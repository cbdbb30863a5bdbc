package vn.htxconnect.linkage;

import java.util.List;

import vn.htxconnect.platform.UserError;

/** Result of a linkage mutation: the linkage as it now is, or what was wrong. */
public record LinkagePayload(Linkage linkage, List<UserError> errors, String clientMutationId) {
}
