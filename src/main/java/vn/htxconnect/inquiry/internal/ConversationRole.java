package vn.htxconnect.inquiry.internal;

/** Which side of a conversation an organization is on. */
enum ConversationRole {
    BUYER, SUPPLIER
}
