package vn.htxconnect.webhook;

/** What happened; {@link #wireName()} is the {@code type} of the JSON a receiver gets. */
public enum WebhookEventType {
    PRODUCT_LISTED("product.listed"),
    PRODUCT_CHANGED("product.changed"),
    PRODUCT_ARCHIVED("product.archived"),
    SOURCING_REQUEST_POSTED("sourcing_request.posted"),
    SOURCING_REQUEST_CHANGED("sourcing_request.changed"),
    QUOTE_RECEIVED("quote.received"),
    QUOTE_ACCEPTED("quote.accepted"),
    QUOTE_DECLINED("quote.declined"),
    LINKAGE_PROPOSED("linkage.proposed"),
    LINKAGE_ACTIVE("linkage.active"),
    LINKAGE_SUSPENDED("linkage.suspended"),
    LINKAGE_ENDED("linkage.ended"),
    SUPPLY_EVENT_RECORDED("supply_event.recorded"),
    SUPPLY_EVENT_CORRECTED("supply_event.corrected"),
    COOPERATIVE_VERIFIED("cooperative.verified"),
    COOPERATIVE_ACTIVITY_STATUS_CHANGED("cooperative.activity_status_changed"),
    TRADE_EVENT_PUBLISHED("trade_event.published");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
