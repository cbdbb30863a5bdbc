package vn.htxconnect.sourcing.internal;

import org.springframework.stereotype.Component;

import vn.htxconnect.inquiry.InquirySubjects;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.platform.Message;

/** A buyer may ask a supplier about one of its own sourcing requests that the supplier may see. */
@Component
class RequestInquirySubjects implements InquirySubjects {

    private final SourcingRequestRepository requests;

    RequestInquirySubjects(SourcingRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public String type() {
        return SourcingRequest.TYPE;
    }

    @Override
    public Message refusal(long id, long buyerOrganizationId, long supplierOrganizationId) {
        SourcingRequestEntity r = requests.findById(id).orElse(null);
        if (r == null || r.buyerOrganizationId != buyerOrganizationId) {
            return Message.of("sourcing.request.notBuyers");
        }
        return null;
    }
}
