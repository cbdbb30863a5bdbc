package vn.htxconnect.linkage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.LinkageEnums.Flag;
import vn.htxconnect.linkage.LinkageEnums.Origin;
import vn.htxconnect.linkage.LinkageEnums.Period;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.platform.GlobalId;

/**
 * A supply linkage as read. {@code volumePerPeriod}, {@code pricePerUnitVnd}, {@code priceTerms} and
 * {@code deliveredQuantity} are null in the copy shown to readers who are not parties ({@link #redacted}).
 */
public record Linkage(long databaseId, long supplierOrganizationId, long customerOrganizationId, Long productId,
                      String categoryCode, String supplierProvinceCode, Stage supplierStage, Stage customerStage,
                      Double volumePerPeriod, Unit unit, Period period, Long pricePerUnitVnd, String priceTerms,
                      LocalDate startDate, LocalDate endDate, Origin origin, String originRef, Status status,
                      Instant supplierConfirmedAt, Instant customerConfirmedAt, Instant activatedAt,
                      Double deliveredQuantity, Instant lastEventAt, Instant createdAt, Instant updatedAt, long version) {

    public static final String TYPE = "SupplyLinkage";
    /** A linkage with no supply event for this many days is flagged. */
    public static final int QUIET_DAYS = 90;
    /** Delivering under this share of the volume due so far is flagged. */
    public static final double UNDER_DELIVERY_SHARE = 0.5;

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** Whether the organization is one of the two sides. */
    public boolean party(long organizationId) {
        return supplierOrganizationId == organizationId || customerOrganizationId == organizationId;
    }

    /** The copy for readers who may know the relation but not its volumes and prices. */
    public Linkage redacted() {
        return new Linkage(databaseId, supplierOrganizationId, customerOrganizationId, productId, categoryCode,
                supplierProvinceCode, supplierStage, customerStage, null, unit, period, null, null, startDate, endDate,
                origin, originRef, status, supplierConfirmedAt, customerConfirmedAt, activatedAt, null, lastEventAt,
                createdAt, updatedAt, version);
    }

    /**
     * The volume due from activation (or the start date, if later) to {@code today} (or the end date,
     * if earlier), counted in whole periods; a ONE_OFF volume is due once the end date has passed.
     * Null for a redacted copy or a linkage that was never active.
     */
    public Double dueToDate(LocalDate today) {
        if (volumePerPeriod == null || activatedAt == null) {
            return null;
        }
        LocalDate from = latest(startDate, activatedAt.atZone(ZoneOffset.UTC).toLocalDate());
        LocalDate to = endDate != null && endDate.isBefore(today) ? endDate : today;
        if (period == Period.ONE_OFF) {
            return endDate != null && today.isAfter(endDate) ? volumePerPeriod : 0.0;
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
        return Math.floor(days / period.days()) * volumePerPeriod;
    }

    /** Warnings for an active linkage: quiet for {@value #QUIET_DAYS} days, or delivering under half of what is due. */
    public List<Flag> flags(LocalDate today) {
        List<Flag> flags = new ArrayList<>();
        if (status != Status.ACTIVE || activatedAt == null) {
            return flags;
        }
        Instant lastSign = lastEventAt != null ? lastEventAt : activatedAt;
        if (ChronoUnit.DAYS.between(lastSign.atZone(ZoneOffset.UTC).toLocalDate(), today) >= QUIET_DAYS) {
            flags.add(Flag.NO_RECENT_EVENTS);
        }
        Double due = dueToDate(today);
        if (due != null && due > 0 && deliveredQuantity != null && deliveredQuantity < UNDER_DELIVERY_SHARE * due) {
            flags.add(Flag.UNDER_DELIVERING);
        }
        return flags;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
