package vn.htxconnect.support;

import java.time.OffsetDateTime;
import java.util.List;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseEnums.Kind;

/** Inputs and payloads of the course mutations, as GraphQL binds and returns them (and the demo loader uses). */
public final class CourseInputs {

    private CourseInputs() {
    }

    /** A new course; {@code province} is any name or code the region module resolves, old names included. */
    public record CreateCourseInput(Kind kind, String title, String description, OffsetDateTime startsAt,
                                    OffsetDateTime endsAt, String place, String onlineUrl, String province, Integer capacity,
                                    List<Audience> audience, String organizerOrganizationId, Boolean publish,
                                    String clientMutationId) {
    }

    /** Publishing or cancelling a course. */
    public record CourseActionInput(String id, String reason, Long expectedVersion, String clientMutationId) {
    }

    public record CoursePayload(Course course, List<UserError> errors, String clientMutationId) {
    }

    public record SetCourseOrganizerInput(String organizationId, Boolean granted, String clientMutationId) {
    }

    public record SetCourseOrganizerPayload(Organization organization, boolean granted, List<UserError> errors,
                                            String clientMutationId) {
    }

    /** Without {@code name}: the caller registers themself; with it, staff register someone else. */
    public record RegisterForCourseInput(String courseId, Audience audience, String organizationId, String name,
                                         String phone, String clientMutationId) {
    }

    public record CancelCourseRegistrationInput(String registrationId, String clientMutationId) {
    }

    public record CourseRegistrationPayload(CourseRegistration registration, List<UserError> errors,
                                            String clientMutationId) {
    }

    public record CourseAttendanceEntry(String registrationId, Boolean attended, Boolean completed) {
    }

    public record RecordCourseAttendanceInput(String courseId, List<CourseAttendanceEntry> entries, String clientMutationId) {
    }

    public record RecordCourseAttendancePayload(List<CourseRegistration> registrations, List<UserError> errors,
                                                String clientMutationId) {
    }
}
