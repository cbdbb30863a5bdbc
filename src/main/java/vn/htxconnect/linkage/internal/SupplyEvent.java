package vn.htxconnect.linkage.internal;

import java.time.Instant;
import java.time.OffsetDateTime;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.platform.GlobalId;

/**
 * One supply event as read: a shipment, a receipt or a transformation. {@code occurredAt} carries the
 * offset the recorder sent. Quantity, unit and lot are null for transformations (their lots are
 * {@link Lot}s). {@code correctedByEventId} is set when a later event corrects this one, which then no
 * longer counts.
 */
record SupplyEvent(long databaseId, Kind kind, Long linkageId, long organizationId, OffsetDateTime occurredAt,
                   Instant recordedAt, Double quantity, Unit unit, String lotNumber, String place, String provinceCode,
                   Double lat, Double lon, Long correctsEventId, Long correctedByEventId, String note) {

    static final String TYPE = "SupplyEvent";

    /** What happened. */
    enum Kind { SHIPPED, RECEIVED, TRANSFORMED }

    /** Whether a lot went into or came out of a transformation. */
    enum Direction { INPUT, OUTPUT }

    /** A lot used or made by a transformation. */
    record Lot(long eventId, Direction direction, String lotNumber, double quantity, Unit unit, Long productId) {
    }

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** Corrected by a later event, so it no longer counts. */
    public boolean superseded() {
        return correctedByEventId != null;
    }
}
