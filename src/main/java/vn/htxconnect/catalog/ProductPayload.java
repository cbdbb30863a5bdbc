package vn.htxconnect.catalog;

import java.util.List;

import vn.htxconnect.platform.UserError;

/** Result of a product mutation: the product, or the reasons nothing changed. */
public record ProductPayload(Product product, List<UserError> errors, String clientMutationId) {
}
