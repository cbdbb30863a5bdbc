package vn.htxconnect.program;

import java.time.Instant;
import java.time.LocalDate;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.program.TradeEventEnums.Kind;
import vn.htxconnect.program.TradeEventEnums.Status;

/**
 * A trade promotion event as read. Dates are calendar days in Vietnam; {@link #status} is derived from
 * them unless the event was cancelled.
 */
public record TradeEvent(long databaseId, Kind kind, String name, String description, LocalDate startsOn,
                         LocalDate endsOn, String provinceCode, String address, double lat, double lon,
                         Long organiserOrganizationId, boolean cancelled, String cancelReason, Long createdByUserId,
                         Instant createdAt, Instant updatedAt, long version) {

    public static final String TYPE = "TradeEvent";
    /** Inquiries and linkages formed this many days from an event's first day count among its outcomes. */
    public static final int OUTCOME_DAYS = 90;

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    public Status status() {
        return status(LocalDate.now(VietnamTime.ZONE));
    }

    public Status status(LocalDate today) {
        if (cancelled) {
            return Status.CANCELLED;
        }
        if (today.isBefore(startsOn)) {
            return Status.UPCOMING;
        }
        return today.isAfter(endsOn) ? Status.PAST : Status.ONGOING;
    }

    /** The first moment of the event (its first day's midnight in Vietnam). */
    public Instant startsAt() {
        return startsOn.atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    /** The end of the window in which inquiries and linkages count as the event's outcomes. */
    public Instant outcomeWindowEnd() {
        return startsOn.plusDays(OUTCOME_DAYS).atStartOfDay(VietnamTime.ZONE).toInstant();
    }
}
