package vn.htxconnect.inquiry.internal;

import java.time.Instant;

import vn.htxconnect.platform.GlobalId;

/** One message as the API shows it. */
record ConversationMessage(long databaseId, long conversationId, ConversationRole senderRole, String body, Instant sentAt,
               boolean readByRecipient) {

    static final String TYPE = "Message";

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }
}
