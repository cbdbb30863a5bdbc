package vn.htxconnect.insight;

import java.time.Instant;

import vn.htxconnect.platform.GlobalId;

/**
 * A decision of the Cooperative Alliance on a cooperative, kept for good: a support plan, its dissolution,
 * or its merger into another cooperative ({@code mergedIntoOrganizationId}).
 */
public record CooperativeDecision(long databaseId, long organizationId, Kind kind, Long mergedIntoOrganizationId,
                                  String note, String decidedBy, Instant decidedAt) {

    public static final String TYPE = "CooperativeDecision";

    /** What was decided. */
    public enum Kind { SUPPORT_PLAN, DISSOLVED, MERGED }

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }
}
