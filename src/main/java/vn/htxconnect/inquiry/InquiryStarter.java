package vn.htxconnect.inquiry;

import java.util.List;

import vn.htxconnect.platform.UserError;

/**
 * Starting an inquiry on a buyer's behalf from another module (e.g. a lead met at a trade fair), with the
 * same checks as the {@code startInquiry} mutation: the caller must be a member of the buyer organization,
 * blocking and the daily limit apply, a product subject must be the supplier's.
 */
public interface InquiryStarter {

    /**
     * The conversation started, or the problems found (then nothing was written). Error fields are those
     * of {@code StartInquiryInput}: buyerOrganizationId, supplierId, subjectId, subject, message.
     */
    record Started(Long conversationId, List<UserError> errors) {
    }

    /** Joins the caller's transaction. */
    Started start(long buyerOrganizationId, long supplierOrganizationId, String subjectId, String subject, String message);
}
