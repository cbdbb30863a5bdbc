package vn.htxconnect.linkage;

import java.util.List;

/** Moves supply linkages between organizations, for decisions such as a merger of cooperatives. */
public interface LinkageTransfers {

    /**
     * What a transfer did.
     *
     * @param moved linkages whose side {@code from} is now {@code to}, each with a TRANSFER history row
     * @param closed linkages between the two organizations, which would supply themselves after the merger:
     *               ended (or rejected while proposed) with a history row, and left as they were otherwise
     */
    record Result(List<Long> moved, List<Long> closed) {
    }

    /**
     * Moves every linkage of {@code fromOrganizationId}, on either side and in any status, to
     * {@code toOrganizationId} in the caller's transaction; a moved supplier side takes the new supplier's
     * province. For the Cooperative Alliance and admins.
     */
    Result moveAll(long fromOrganizationId, long toOrganizationId);
}
