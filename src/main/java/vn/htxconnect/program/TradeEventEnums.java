package vn.htxconnect.program;

/** The small vocabularies of trade promotion events. */
public final class TradeEventEnums {

    private TradeEventEnums() {
    }

    /** What kind of event. */
    public enum Kind { TRADE_FAIR, B2B_SESSION, PRODUCT_SHOWCASE }

    /**
     * Where an event stands. Only PLANNED (stored, shown as UPCOMING, ONGOING or PAST by its dates) and
     * CANCELLED are stored.
     */
    public enum Status { UPCOMING, ONGOING, PAST, CANCELLED }

    /** How an organization takes part. */
    public enum Role {
        /** A supplier with a booth, showing its products. */
        EXHIBITOR,
        /** A buyer visiting. */
        VISITOR
    }
}
