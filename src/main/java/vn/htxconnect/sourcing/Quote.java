package vn.htxconnect.sourcing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.sourcing.SourcingEnums.Frequency;
import vn.htxconnect.sourcing.SourcingEnums.QuoteStatus;

/**
 * A supplier organization's offer in answer to a sourcing request (báo giá), as the API shows it.
 * {@code status} is as stored except that a SENT quote past {@code validUntil} shows as EXPIRED.
 *
 * @param quantity per {@code frequency}, in {@code unit} (both the request's when the quote was sent)
 * @param conversationId the conversation the quote was posted into, if any
 */
public record Quote(
        long databaseId, long requestId, long supplierOrganizationId, long buyerOrganizationId, Long productId,
        long pricePerUnitVnd, Unit unit, BigDecimal quantity, Frequency frequency, String deliveryTerms,
        Instant validUntil, String note, QuoteStatus status, String decisionReason, Instant decidedAt,
        Long decidedByUserId, Long createdByUserId, Long conversationId, Instant createdAt, Instant updatedAt,
        long version) {

    public static final String TYPE = "Quote";

    /** Opaque global ID. */
    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** Price times quantity: what one period's delivery costs, in whole đồng. */
    public long totalPerPeriodVnd() {
        return BigDecimal.valueOf(pricePerUnitVnd).multiply(quantity).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
