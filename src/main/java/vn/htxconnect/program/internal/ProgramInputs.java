package vn.htxconnect.program.internal;

import java.util.List;

import vn.htxconnect.platform.UserError;
import vn.htxconnect.program.TradeEventEnums.Role;

/** Inputs and payloads of the participation and lead mutations, as GraphQL binds and returns them. */
final class ProgramInputs {

    private ProgramInputs() {
    }

    record RegisterInput(String eventId, String organizationId, Role role, String booth, List<String> productIds,
                         String clientMutationId) {
    }

    record CheckInInput(String eventId, String organizationId, String clientMutationId) {
    }

    record ParticipantPayload(Participant participant, List<UserError> errors, String clientMutationId) {
    }

    record RecordLeadInput(String eventId, String buyerOrganizationId, String supplierOrganizationId, String productId,
                           String note, String clientMutationId) {
    }

    record ConvertLeadInput(String leadId, String subject, String message, String clientMutationId) {
    }

    record LeadPayload(TradeEventLead lead, List<UserError> errors, String clientMutationId) {
    }
}
