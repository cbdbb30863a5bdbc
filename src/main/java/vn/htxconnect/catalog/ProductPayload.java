package vn.htxconnect.catalog;

import java.util.List;

import vn.htxconnect.platform.UserError;

/**
 * Result of a product mutation: the product, or the reasons nothing changed; {@code warnings} are
 * remarks that did not stop the change (an expired certificate kept as history, an unknown scheme).
 */
public record ProductPayload(Product product, List<UserError> errors, List<UserError> warnings, String clientMutationId) {
}
