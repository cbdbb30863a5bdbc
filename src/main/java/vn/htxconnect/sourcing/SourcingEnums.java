package vn.htxconnect.sourcing;

/** The small vocabularies of sourcing requests and quotes. */
public final class SourcingEnums {

    private SourcingEnums() {
    }

    /** How often the quantity is needed. */
    public enum Frequency { ONE_OFF, WEEKLY, MONTHLY, PER_SEASON }

    /** Lifecycle of a request; CLOSED and FULFILLED are final. */
    public enum Status { OPEN, PAUSED, CLOSED, FULFILLED }

    /** Who sees an open request. */
    public enum Visibility { PUBLIC, INVITED }

    /** Fields a buyer may hide from everyone outside its organization. */
    public enum ConfidentialField { TARGET_PRICE, QUANTITY, BUYER }

    /**
     * Lifecycle of a quote. SENT awaits the buyer's answer; ACCEPTED, DECLINED and WITHDRAWN are final.
     * EXPIRED is never stored: it is how a SENT quote shows once its validity has passed.
     */
    public enum QuoteStatus { SENT, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED }

    /** Which side of its quotes an organization is looked at from. */
    public enum QuoteRole { BUYER, SUPPLIER }

    /** The factors a match score is made of. */
    public enum Factor { RELEVANCE, CERTIFICATION, AVAILABILITY, CAPACITY, DISTANCE, PRICE, TRUST }
}
