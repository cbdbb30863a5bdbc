package vn.htxconnect.inquiry.internal;

import java.time.Instant;

import vn.htxconnect.platform.GlobalId;

/**
 * A conversation as the API shows it, seen from one side ({@code viewerRole}, null for an admin on
 * neither side): the unread count is that side's.
 */
record Conversation(long databaseId, long buyerOrganizationId, long supplierOrganizationId, String subject,
                    String subjectId, Instant startedAt, Instant lastMessageAt, String lastMessagePreview,
                    int messageCount, Instant buyerReadAt, Instant supplierReadAt, long buyerLastReadId,
                    long supplierLastReadId, int buyerUnread, int supplierUnread, ConversationRole viewerRole) {

    static final String TYPE = "Conversation";

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    public int unreadCount() {
        if (viewerRole == null) {
            return 0;
        }
        return viewerRole == ConversationRole.BUYER ? buyerUnread : supplierUnread;
    }

    long organizationOf(ConversationRole role) {
        return role == ConversationRole.BUYER ? buyerOrganizationId : supplierOrganizationId;
    }

    /** The side an organization is on, or null when it is on neither. */
    ConversationRole roleOf(long organizationId) {
        if (organizationId == buyerOrganizationId) {
            return ConversationRole.BUYER;
        }
        return organizationId == supplierOrganizationId ? ConversationRole.SUPPLIER : null;
    }

    Conversation viewedAs(ConversationRole role) {
        return new Conversation(databaseId, buyerOrganizationId, supplierOrganizationId, subject, subjectId, startedAt,
                lastMessageAt, lastMessagePreview, messageCount, buyerReadAt, supplierReadAt, buyerLastReadId,
                supplierLastReadId, buyerUnread, supplierUnread, role);
    }

    /** True when the side that did not send message {@code messageId} has marked it read. */
    boolean readByRecipient(long messageId, ConversationRole sender) {
        long recipientMark = sender == ConversationRole.BUYER ? supplierLastReadId : buyerLastReadId;
        return recipientMark >= messageId;
    }
}
