package vn.htxconnect.support;

import java.time.LocalDate;
import java.util.List;

import vn.htxconnect.platform.UserError;

/** Inputs and payloads of the support-application mutations, as GraphQL binds and returns them. */
public final class ApplicationInputs {

    private ApplicationInputs() {
    }

    /** A member applies for their organization. */
    public record ApplyForSupportInput(String programId, String organizationId, Long amountVnd, String purpose,
                                       List<String> attachments, String clientMutationId) {
    }

    /** The cooperative answers a request for information; the fields given replace the application's. */
    public record AnswerSupportApplicationInput(String applicationId, String answer, Long amountVnd, String purpose,
                                                List<String> attachments, Long expectedVersion, String clientMutationId) {
    }

    /** The Alliance's decision: a note for REQUEST_INFO, an amount for APPROVE, a reason (note) for REJECT. */
    public record ReviewSupportApplicationInput(String applicationId, SupportApplication.Decision decision, Long amountVnd,
                                                String note, Long expectedVersion, String clientMutationId) {
    }

    /** A disbursement instalment or a loan repayment: amount and day. */
    public record SupportPaymentInput(String applicationId, Long amountVnd, LocalDate on, String note,
                                      String clientMutationId) {
    }

    public record SupportApplicationPayload(SupportApplication application, List<UserError> errors,
                                            String clientMutationId) {
    }
}
