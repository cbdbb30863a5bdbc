package vn.htxconnect.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.htxconnect.platform.GlobalId;

/**
 * An organization's application to a support programme as read. {@code approvedVnd} is set once approved;
 * {@code disbursedVnd} and {@code repaidVnd} are the sums of the instalments recorded so far.
 */
public record SupportApplication(long databaseId, long programId, long organizationId, String provinceCode,
                                 String sectorCode, Status status, long requestedVnd, String purpose,
                                 List<String> attachments, Long approvedVnd, long disbursedVnd, long repaidVnd,
                                 String note, Instant submittedAt, Instant decidedAt, LocalDate firstDisbursedOn,
                                 Instant updatedAt, long version) {

    public static final String TYPE = "SupportApplication";

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** Where an application stands. */
    public enum Status { SUBMITTED, INFO_REQUESTED, APPROVED, REJECTED }

    /** What a step of its history did. */
    public enum EventKind { SUBMITTED, INFO_REQUESTED, ANSWERED, APPROVED, REJECTED, DISBURSED, REPAID }

    /** What the Alliance decides on review. */
    public enum Decision { REQUEST_INFO, APPROVE, REJECT }

    /** One step of the history: who, when, from which status to which, the amount and day, the note. */
    public record Event(long databaseId, long applicationId, EventKind kind, Status fromStatus, Status toStatus,
                        Long amountVnd, LocalDate on, String note, Long byUserId, Instant at) {
    }
}
