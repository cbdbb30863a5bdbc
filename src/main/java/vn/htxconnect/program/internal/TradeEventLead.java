package vn.htxconnect.program.internal;

import java.time.Instant;

import vn.htxconnect.platform.GlobalId;

/** A buyer's interest in a supplier (and maybe one of its products) noted at an event. */
record TradeEventLead(long databaseId, long eventId, long buyerOrganizationId, long supplierOrganizationId, Long productId,
                      String note, Long recordedByUserId, Instant recordedAt, Long conversationId) {

    static final String TYPE = "TradeEventLead";

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    boolean party(long organizationId) {
        return buyerOrganizationId == organizationId || supplierOrganizationId == organizationId;
    }
}
