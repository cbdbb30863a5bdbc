package vn.htxconnect.insight.internal;

import java.util.List;

import vn.htxconnect.insight.CooperativeDecision;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.UserError;

/** Input and payload of {@code recordCooperativeDecision}. */
final class CooperativeDecisionInputs {

    private CooperativeDecisionInputs() {
    }

    record RecordCooperativeDecisionInput(String organizationId, CooperativeDecision.Kind kind,
                                          String mergedIntoOrganizationId, String note, String clientMutationId) {
    }

    record RecordCooperativeDecisionPayload(CooperativeDecision decision, Organization organization, int productsMoved,
                                            int linkagesMoved, int linkagesEnded, List<UserError> errors,
                                            String clientMutationId) {

        static RecordCooperativeDecisionPayload refused(List<UserError> errors, String clientMutationId) {
            return new RecordCooperativeDecisionPayload(null, null, 0, 0, 0, errors, clientMutationId);
        }
    }
}
