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
    LINKAGE_ACTIVE,
    /** To a cooperative: its application to a support programme was received. Params: subject (programme), price (amount). */
    SUPPORT_APPLICATION_RECEIVED,
    /** To a cooperative: the Alliance asks for more information on its application. Params: subject, reason (what is asked). */
    SUPPORT_INFO_REQUESTED,
    /** To a cooperative: its application was approved. Params: subject, price (approved amount), reason (note). */
    SUPPORT_APPLICATION_APPROVED,
    /** To a cooperative: its application was rejected. Params: subject, reason. */
    SUPPORT_APPLICATION_REJECTED,
    /** To a cooperative: an instalment was disbursed. Params: subject, price (amount), unit (day). */
    SUPPORT_DISBURSED,
    /** To a cooperative: a loan repayment was recorded. Params: subject, price (amount), unit (day), count (outstanding). */
    SUPPORT_REPAYMENT_RECORDED,
    /** To a supplier: a buyer started an inquiry (hỏi hàng). Params: sender (the buyer), subject (its title). */
    INQUIRY_RECEIVED,
    /**
     * To one side of a conversation: the other side wrote while this side had read everything (one notice per
     * unread streak, not per message). Params: sender, subject (the conversation's title).
     */
    MESSAGE_RECEIVED,
    /** To an organization: one of its webhook endpoints was disabled after repeated failure. Params: subject (URL), count (failures). */
    WEBHOOK_DISABLED
}
