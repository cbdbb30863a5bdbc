package vn.htxconnect.catalog;

import java.util.List;

/** Moves products between organizations, for decisions such as a merger of cooperatives. */
public interface ProductTransfers {

    /**
     * Moves every product of {@code fromOrganizationId} (in any status) to {@code toOrganizationId} in the
     * caller's transaction and queues each for the search index, which then shows the new owner. A moved
     * product whose externalRef the target already uses loses its externalRef: it named a row of the old
     * owner's spreadsheet. For the Cooperative Alliance and admins; returns the moved products' IDs.
     */
    List<Long> moveAll(long fromOrganizationId, long toOrganizationId);
}
