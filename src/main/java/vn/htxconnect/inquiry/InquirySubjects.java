package vn.htxconnect.inquiry;

import vn.htxconnect.platform.Message;

/**
 * A module whose records can be what an inquiry is about (sourcing requests) checks them for the
 * inquiry module, which cannot depend on it: the subject must exist and concern the two organizations.
 */
public interface InquirySubjects {

    /** The GraphQL type name of the subjects this bean checks, e.g. {@code SourcingRequest}. */
    String type();

    /**
     * Why the record cannot be the subject of an inquiry from {@code buyerOrganizationId} to
     * {@code supplierOrganizationId}, or null when it can.
     */
    Message refusal(long id, long buyerOrganizationId, long supplierOrganizationId);
}
