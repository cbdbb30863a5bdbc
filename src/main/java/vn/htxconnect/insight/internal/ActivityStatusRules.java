package vn.htxconnect.insight.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import vn.htxconnect.insight.ActivityStatus;
import vn.htxconnect.platform.VietnamTime;

/**
 * The status rules. Months are calendar months in Vietnam's time zone, where the cooperatives and the
 * Alliance reading the report live. A cooperative registered within {@link #NEW_GRACE_MONTHS} months
 * that has done nothing yet is NEW: it has had no time to be active, so calling it paper-only would
 * flag every fresh registration.
 */
final class ActivityStatusRules {

    /** Latest activity less than this many months ago: ACTIVE. */
    static final int ACTIVE_MONTHS = 6;
    /** Latest activity at least this many months ago: PAPER_ONLY (in between: DORMANT). */
    static final int PAPER_ONLY_MONTHS = 12;
    /** Never active: NEW while registered less than this many months ago, PAPER_ONLY after. */
    static final int NEW_GRACE_MONTHS = 3;
    /** Month ends in a report's trend. */
    static final int TREND_MONTHS = 12;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private ActivityStatusRules() {
    }

    /** The status at {@code at} of a cooperative registered at {@code registeredAt}, latest activity {@code latest} (or null). */
    static ActivityStatus classify(Instant registeredAt, Instant latest, Instant at) {
        if (latest == null) {
            return registeredAt.isAfter(monthsBefore(at, NEW_GRACE_MONTHS)) ? ActivityStatus.NEW : ActivityStatus.PAPER_ONLY;
        }
        if (latest.isAfter(monthsBefore(at, ACTIVE_MONTHS))) {
            return ActivityStatus.ACTIVE;
        }
        return latest.isAfter(monthsBefore(at, PAPER_ONLY_MONTHS)) ? ActivityStatus.DORMANT : ActivityStatus.PAPER_ONLY;
    }

    static Instant monthsBefore(Instant at, int months) {
        return at.atZone(VietnamTime.ZONE).minusMonths(months).toInstant();
    }

    /** Whole calendar months from {@code from} to {@code to}. */
    static long monthsBetween(Instant from, Instant to) {
        return Math.max(0, ChronoUnit.MONTHS.between(from.atZone(VietnamTime.ZONE), to.atZone(VietnamTime.ZONE)));
    }

    /** "03/2025": how the sentences name a month. */
    static String month(Instant at) {
        return MONTH.format(at.atZone(VietnamTime.ZONE));
    }

    /** The last {@link #TREND_MONTHS} complete months before the one {@code now} is in, oldest first. */
    static List<YearMonth> trendMonths(Instant now) {
        YearMonth current = YearMonth.from(now.atZone(VietnamTime.ZONE));
        List<YearMonth> out = new ArrayList<>(TREND_MONTHS);
        for (int i = TREND_MONTHS; i >= 1; i--) {
            out.add(current.minusMonths(i));
        }
        return out;
    }

    /** The last instant of a month (to the microsecond the database keeps): activity "at or before" it counts. */
    static Instant endOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(VietnamTime.ZONE).toInstant().minusNanos(1_000);
    }
}
