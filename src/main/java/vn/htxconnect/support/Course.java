package vn.htxconnect.support;

import java.time.Instant;
import java.util.Set;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseEnums.Kind;
import vn.htxconnect.support.CourseEnums.Status;

/**
 * A training course as read. {@code organizerOrganizationId} is null when the Alliance runs it itself;
 * {@code registeredCount} counts live registrations.
 */
public record Course(long databaseId, Kind kind, String title, String description, Instant startsAt, Instant endsAt,
                     String place, String onlineUrl, String provinceCode, int capacity, Set<Audience> audience,
                     Long organizerOrganizationId, Status status, String cancelReason, int registeredCount,
                     Long createdByUserId, Instant createdAt, Instant updatedAt, long version) {

    public static final String TYPE = "Course";

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    public boolean organizedByAlliance() {
        return organizerOrganizationId == null;
    }

    public int seatsLeft() {
        return Math.max(0, capacity - registeredCount);
    }
}
