package vn.htxconnect.catalog;

import java.util.List;

/**
 * Published synchronously inside the transaction that created or changed active products, so a
 * listener that writes (e.g. queues its own outbox row) commits or rolls back with the change.
 * Lets other modules react to listings without the catalogue knowing them.
 */
public record ProductsChanged(List<Long> productIds) {
}
