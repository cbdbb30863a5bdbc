package vn.htxconnect.linkage.internal;

import java.time.OffsetDateTime;
import java.util.List;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.linkage.internal.SupplyEvent.Kind;
import vn.htxconnect.organization.Organization;

/**
 * Where a lot came from (BACKWARD) or went (FORWARD): the lots reached, each at one organization, and the
 * events between them. {@code truncated} when the depth or size bound stopped the trace with lots left to follow.
 */
record LotTrace(Direction direction, List<Node> nodes, List<Step> steps, boolean truncated) {

    /** Which way to follow a lot. */
    enum Direction { BACKWARD, FORWARD }

    /**
     * A lot at an organization, {@code depth} events away from the lot asked about; {@code end} when
     * nothing further was found (an origin going backward, a last holder going forward).
     */
    record Node(Organization organization, String lotNumber, Stage stage, int depth, boolean end) {
    }

    /**
     * One event between two lots: a shipment or receipt on a linkage (same lot number, two organizations) or
     * a transformation (two lots, one organization). Quantities are null for callers who may not see them.
     */
    record Step(Kind kind, String eventId, String linkageId, Organization fromOrganization, String fromLotNumber,
                Organization toOrganization, String toLotNumber, Double quantity, Unit unit, Double consumedQuantity,
                Unit consumedUnit, OffsetDateTime occurredAt) {
    }
}
