package vn.htxconnect.support;

import java.time.Instant;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseEnums.RegistrationStatus;

/** One person registered for a course: themself ({@code userId} set, self-registered) or by staff. */
public record CourseRegistration(long databaseId, long courseId, Long userId, String name, String phone,
                                 Long organizationId, Audience audience, RegistrationStatus status, boolean selfRegistered,
                                 boolean attended, boolean completed, Instant registeredAt, Instant cancelledAt) {

    public static final String TYPE = "CourseRegistration";

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }
}
