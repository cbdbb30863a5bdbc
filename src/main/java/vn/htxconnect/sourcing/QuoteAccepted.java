package vn.htxconnect.sourcing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published when a buyer accepts a quote, inside the accepting transaction (a listener that must
 * act only once it is committed uses {@code @TransactionalEventListener}). It carries the agreed
 * terms, so a listener (the linkage module, to propose a supply linkage) needs no further lookup.
 *
 * @param unit the {@link vn.htxconnect.catalog.Unit} name of the price and quantity, e.g. {@code TAN}
 * @param quantity per {@code frequency}
 * @param frequency the {@link SourcingEnums.Frequency} name
 * @param windowFrom first day of the request's supply window
 * @param windowTo last day of the request's supply window
 */
public record QuoteAccepted(long quoteId, long requestId, long supplierOrganizationId, long buyerOrganizationId,
                            Long productId, String categoryCode, long pricePerUnitVnd, String unit, double quantity,
                            String frequency, LocalDate windowFrom, LocalDate windowTo, Instant acceptedAt) {
}
