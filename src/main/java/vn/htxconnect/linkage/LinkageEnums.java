package vn.htxconnect.linkage;

/** The small vocabularies of supply linkages. */
public final class LinkageEnums {

    private LinkageEnums() {
    }

    /** Where an organization stands in a value chain, upstream first. */
    public enum Stage { PRODUCTION, PROCESSING, DISTRIBUTION, RETAIL, EXPORT }

    /** Lifecycle: PROPOSED until both sides confirm; ENDED and REJECTED are final. */
    public enum Status { PROPOSED, ACTIVE, SUSPENDED, ENDED, REJECTED }

    /** Where a linkage came from. */
    public enum Origin { DIRECT, QUOTE, TRADE_FAIR, ALLIANCE }

    /** The period the agreed volume is per; days are what the delivery check counts with. */
    public enum Period {
        ONE_OFF(0), WEEKLY(7), MONTHLY(30.4375), QUARTERLY(91.3125), PER_SEASON(182.625), YEARLY(365.25);

        private final double days;

        Period(double days) {
            this.days = days;
        }

        /** Length in days; 0 for ONE_OFF (the volume is due once, by the end date). */
        public double days() {
            return days;
        }
    }

    /** Warnings a linkage raises about itself. */
    public enum Flag { NO_RECENT_EVENTS, UNDER_DELIVERING }

    /** Status changes kept in the history. */
    public enum Action { PROPOSE, CONFIRM, REJECT, SUSPEND, RESUME, END }

    /**
     * What a history row records: a lifecycle {@link Action}, or TRANSFER when a merger of cooperatives moved
     * one side of the linkage to the organization it merged into (no one acts on a linkage that way).
     */
    public enum HistoryAction { PROPOSE, CONFIRM, REJECT, SUSPEND, RESUME, END, TRANSFER }
}
