package vn.htxconnect.inquiry.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.inquiry.InquiryStarter;
import vn.htxconnect.inquiry.internal.InquiryInputs.ConversationPayload;
import vn.htxconnect.inquiry.internal.InquiryInputs.StartInquiryInput;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.GlobalId;

/** {@link InquiryStarter} through the very code path of the {@code startInquiry} mutation, so no check is skipped. */
@Service
class InquiryStarts implements InquiryStarter {

    private final Conversations conversations;

    InquiryStarts(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    @Transactional
    public Started start(long buyerOrganizationId, long supplierOrganizationId, String subjectId, String subject, String message) {
        ConversationPayload p = conversations.start(new StartInquiryInput(GlobalId.encode(Organization.TYPE, buyerOrganizationId),
                GlobalId.encode(Organization.TYPE, supplierOrganizationId), subjectId, subject, message, null));
        return p.errors().isEmpty() ? new Started(p.conversation().databaseId(), List.of()) : new Started(null, p.errors());
    }
}
