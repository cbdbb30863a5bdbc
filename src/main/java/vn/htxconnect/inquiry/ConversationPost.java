package vn.htxconnect.inquiry;

/**
 * A message another module posts into the conversation of a buyer and a supplier organization
 * about one subject (e.g. a quote into the conversation about its sourcing request).
 *
 * @param subjectId global ID of what the conversation is about; conversations are found by it
 * @param title the conversation's subject line if one has to be opened (at most 200 characters)
 * @param fromSupplier true when the supplier's side writes, false for the buyer's
 * @param userId the user who caused the message, for the record
 * @param open whether to open a conversation when there is none; when false the message is only
 *             added to an existing one (e.g. when opening one would reveal a party that chose to
 *             stay hidden)
 */
public record ConversationPost(long buyerOrganizationId, long supplierOrganizationId, String subjectId, String title,
                               boolean fromSupplier, Long userId, String body, boolean open) {
}
