package vn.htxconnect.sourcing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import vn.htxconnect.platform.UserError;
import vn.htxconnect.sourcing.Quote;
import vn.htxconnect.sourcing.SourcingEnums.QuoteRole;
import vn.htxconnect.sourcing.SourcingEnums.QuoteStatus;

/** Inputs and payloads of the quote mutations and the filter of the quote list, as GraphQL binds them. */
final class QuoteInputs {

    private QuoteInputs() {
    }

    record SendQuoteInput(String requestId, String supplierOrganizationId, String productId, Long pricePerUnitVnd,
                          BigDecimal quantity, String unit, String deliveryTerms, Instant validUntil, String note,
                          String clientMutationId) {
    }

    /** Accept, decline or withdraw; {@code reason} is not used when accepting. */
    record QuoteDecisionInput(String quoteId, String reason, String clientMutationId) {
    }

    record QuoteFilter(String organizationId, QuoteRole role, QuoteStatus status, String requestId) {
    }

    record QuotePayload(Quote quote, List<UserError> errors, String clientMutationId) {
    }
}
