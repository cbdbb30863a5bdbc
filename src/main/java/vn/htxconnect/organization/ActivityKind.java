package vn.htxconnect.organization;

/** Kinds of things an organization does on the platform that show it is alive (not a cooperative on paper only). */
public enum ActivityKind {
    /** A member signed in. */
    SIGNED_IN,
    /** A product was listed or updated. */
    PRODUCT_UPDATED,
    /** An inquiry was answered. */
    INQUIRY_ANSWERED,
    /** A quote was sent. */
    QUOTE_SENT,
    /** A supply event (shipment, receipt, transformation) was recorded. */
    SUPPLY_EVENT,
    /** The organization took part in a trade promotion event. */
    EVENT_ATTENDED,
    /** Someone attended a training course for the organization (a member sent, or its manager). */
    COURSE_ATTENDED
}
