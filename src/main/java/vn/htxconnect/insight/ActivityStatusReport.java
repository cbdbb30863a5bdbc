package vn.htxconnect.insight;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import vn.htxconnect.organization.Organization;

/**
 * The activity report of one province: its registered (not archived) cooperatives counted by status, each
 * with its signals, and the counts at the end of each of the last 12 months.
 */
public record ActivityStatusReport(String provinceCode, Instant evaluatedAt, Counts counts, List<Row> rows,
                                   List<TrendPoint> trend) {

    /** Cooperatives by status. */
    public record Counts(long active, long dormant, long paperOnly, long newlyRegistered) {

        public long total() {
            return active + dormant + paperOnly + newlyRegistered;
        }

        public long of(ActivityStatus status) {
            return switch (status) {
                case ACTIVE -> active;
                case DORMANT -> dormant;
                case PAPER_ONLY -> paperOnly;
                case NEW -> newlyRegistered;
            };
        }

        /** From counts indexed by {@link ActivityStatus#ordinal()}. */
        public static Counts of(long[] byOrdinal) {
            return new Counts(byOrdinal[0], byOrdinal[1], byOrdinal[2], byOrdinal[3]);
        }
    }

    /** One cooperative with its activity. */
    public record Row(Organization organization, CooperativeActivity activity) {
    }

    /** The counts as they were at the end of a month. */
    public record TrendPoint(YearMonth month, Instant endsAt, Counts counts) {
    }
}
