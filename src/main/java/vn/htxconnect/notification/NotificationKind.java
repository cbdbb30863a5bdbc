package vn.htxconnect.notification;

/**
 * What a notification says; each kind has one text template per language (in the module) and
 * names the parameters it uses.
 */
public enum NotificationKind {
    /** To a buyer: one new product matches its request. Params: request, product, supplier, score. */
    MATCH_FOR_REQUEST,
    /** To a buyer: several new products match its request (one notice per discovery run). Params: count, request, and the best one's product, supplier, score. */
    MATCHES_FOR_REQUEST,
    /** To a supplier: an open request matches its product. Params: request, product, score. */
    LEAD_FOR_PRODUCT,
    /** To a supplier: several new requests match its products (one notice per discovery run). Params: count, and the best pair's request, product, score. */
    LEADS_FOR_PRODUCTS,
    /** To a buyer: a supplier quoted on its request. Params: request, supplier, price, unit. */
    QUOTE_RECEIVED,
    /** To a supplier: the buyer accepted its quote. Params: request, buyer. */
    QUOTE_ACCEPTED,
    /** To a supplier: the buyer declined its quote. Params: request, reason. */
    QUOTE_DECLINED,
    /** To a side that must confirm: a supply linkage was proposed. Params: supplier, customer, subject, proposer. */
    LINKAGE_PROPOSED,
    /** To both sides: a supply linkage became active. Params: supplier, customer, subject. */
    LINKAGE_ACTIVE
}
