package vn.htxconnect.linkage.internal;

import java.time.OffsetDateTime;
import java.util.List;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.platform.UserError;

/** Inputs and the payload of the supply event mutations. */
final class SupplyEventInputs {

    private SupplyEventInputs() {
    }

    /** A shipment (by the supplier) or a receipt (by the customer) on a linkage. */
    record Movement(String linkageId, Double quantity, String unit, String lotNumber, OffsetDateTime occurredAt,
                    String place, String province, Double lat, Double lon, String note, String clientMutationId) {
    }

    /** A lot used or made by a transformation; {@code productId} only for outputs. */
    record LotInput(String lotNumber, Double quantity, String unit, String productId) {
    }

    /** Input lots turned into output lots at one organization. */
    record Transformation(String organizationId, List<LotInput> inputs, List<LotInput> outputs, OffsetDateTime occurredAt,
                          String place, String province, Double lat, Double lon, String note, String clientMutationId) {
    }

    /** The corrected values of an event; what is left out is kept from the event corrected. */
    record Correction(String eventId, Double quantity, String unit, String lotNumber, OffsetDateTime occurredAt,
                      String place, String province, Double lat, Double lon, List<LotInput> inputs, List<LotInput> outputs,
                      String note, String clientMutationId) {
    }

    /** The event recorded and, for shipments and receipts, the linkage as it now is; or what was wrong. */
    record Payload(SupplyEvent event, Linkage linkage, List<UserError> errors, String clientMutationId) {
    }
}
