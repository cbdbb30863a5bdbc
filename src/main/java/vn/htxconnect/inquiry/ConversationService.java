package vn.htxconnect.inquiry;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;

/** What other modules may do with conversations: post into them and show them. */
public interface ConversationService {

    /**
     * Adds the message to the conversation between the two organizations about the subject, opening
     * one (as opened by the writing side) when there is none and {@link ConversationPost#open()} allows.
     * Joins the caller's transaction. Returns the conversation's database ID, or empty when nothing
     * was posted: the recipient has blocked the writer, or there was no conversation to add to.
     */
    OptionalLong post(ConversationPost post);

    /**
     * The conversations among {@code ids} that the current caller may read (members of either
     * organization, admins), seen from the caller's side, in one SQL statement. The values are the
     * objects GraphQL shows as {@code Conversation}; hand them to it as they are.
     */
    Map<Long, Object> readable(Collection<Long> ids);
}
