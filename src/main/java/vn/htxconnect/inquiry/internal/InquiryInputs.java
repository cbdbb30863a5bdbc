package vn.htxconnect.inquiry.internal;

import java.util.List;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.UserError;

/** Inputs and payloads of the inquiry mutations, as GraphQL binds and returns them. */
final class InquiryInputs {

    private InquiryInputs() {
    }

    record StartInquiryInput(String buyerOrganizationId, String supplierId, String subjectId, String subject,
                             String message, String clientMutationId) {
    }

    record SendMessageInput(String conversationId, String body, String organizationId, String clientMutationId) {
    }

    record MarkConversationReadInput(String conversationId, String organizationId, String clientMutationId) {
    }

    record BlockSenderInput(String organizationId, String blockedOrganizationId, String clientMutationId) {
    }

    record ConversationFilter(String organizationId, Boolean unreadOnly) {
    }

    record ConversationPayload(Conversation conversation, List<UserError> errors, String clientMutationId) {
    }

    record SendMessagePayload(ConversationMessage message, Conversation conversation, List<UserError> errors,
                              String clientMutationId) {
    }

    record BlockSenderPayload(Organization blockedOrganization, boolean blocked, List<UserError> errors,
                              String clientMutationId) {
    }
}
