package vn.htxconnect.support.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.support.Course;
import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseEnums.RegistrationStatus;
import vn.htxconnect.support.CourseEnums.Status;
import vn.htxconnect.support.CourseInputs.CancelCourseRegistrationInput;
import vn.htxconnect.support.CourseInputs.CourseAttendanceEntry;
import vn.htxconnect.support.CourseInputs.CourseRegistrationPayload;
import vn.htxconnect.support.CourseInputs.RecordCourseAttendanceInput;
import vn.htxconnect.support.CourseInputs.RecordCourseAttendancePayload;
import vn.htxconnect.support.CourseInputs.RegisterForCourseInput;
import vn.htxconnect.support.CourseRegistration;

/**
 * Registration (people themselves, or staff on their behalf), its cancellation and the recording of attendance.
 * Every one of them first locks the course row, so registrations of one course run one after the other: the seat
 * count each checks is the one the previous left, and a course is never booked over its capacity (the
 * {@code ck_course_seats} constraint is the last guard).
 */
@Service
class CourseRegistrations {

    static final int MAX_ENTRIES = 500;

    private final CourseRepository courses;
    private final CourseRegistrationRepository registrations;
    private final OrganizationService organizations;
    private final JdbcTemplate jdbc;

    CourseRegistrations(CourseRepository courses, CourseRegistrationRepository registrations,
                        OrganizationService organizations, JdbcTemplate jdbc) {
        this.courses = courses;
        this.registrations = registrations;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    @Transactional
    public CourseRegistrationPayload register(RegisterForCourseInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        CourseEntity course = course(in.courseId(), "courseId", errors);
        boolean onBehalf = in.name() != null;
        if (course != null && onBehalf && !CourseAccess.manages(actor, course.organizerOrganizationId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "input.name", Message.of("support.registration.onBehalfForbidden"));
        }
        if (course != null && course.status == Status.DRAFT && !CourseAccess.manages(actor, course.organizerOrganizationId)) {
            errors.add("courseId", UserErrorCode.NOT_FOUND, Message.of("support.course.notFound"));
            return new CourseRegistrationPayload(null, errors.list(), in.clientMutationId());
        }
        Long organizationId = organization(actor, in.organizationId(), onBehalf, errors);
        CourseRegistrationEntity r = new CourseRegistrationEntity();
        r.courseId = course == null ? 0 : course.id;
        r.userId = onBehalf ? null : actor.userId();
        r.name = onBehalf ? errors.text("name", in.name(), 120, true) : actor.name();
        r.organizationId = organizationId;
        r.registeredByUserId = actor.userId();
        r.audience = in.audience();
        if (in.audience() == null) {
            errors.add("audience", UserErrorCode.REQUIRED, Message.of("input.required", "audience"));
        } else if (course != null && !course.audiences().contains(in.audience())) {
            errors.add("audience", UserErrorCode.INVALID, Message.of("support.registration.audience", in.audience().name()));
        }
        r.phone = phone(in.phone(), onBehalf || in.audience() == Audience.FOUNDERS, errors);
        if (course != null) {
            open(course, errors);
            List<CourseRegistrationEntity> live = registrations.findLive(course.id, RegistrationStatus.REGISTERED, r.userId, r.phone);
            if (!live.isEmpty()) {
                // The same account is this person; otherwise the phone names them.
                boolean sameUser = r.userId != null && live.stream().anyMatch(x -> r.userId.equals(x.activeUserId));
                errors.add(sameUser ? "courseId" : "phone", UserErrorCode.DUPLICATE, Message.of("support.registration.duplicate"));
            } else if (course.registeredCount >= course.capacity) {
                errors.add("courseId", UserErrorCode.CONFLICT, Message.of("support.registration.full", course.capacity));
            }
        }
        if (errors.hasErrors()) {
            return new CourseRegistrationPayload(null, errors.list(), in.clientMutationId());
        }
        r.activeUserId = r.userId;
        r.activePhone = r.phone;
        r.registeredAt = Instant.now();
        registrations.saveAndFlush(r);
        adjustSeats(course, 1);
        return new CourseRegistrationPayload(r.toView(), List.of(), in.clientMutationId());
    }

    /** The course, locked; null with the reason when the ID names none. */
    private CourseEntity course(String id, String field, ValidationErrors errors) {
        Long dbId = id == null ? null : GlobalId.tryDecode(id, Course.TYPE);
        CourseEntity e = dbId == null ? null : courses.lockForUpdate(dbId).orElse(null);
        if (e == null) {
            errors.add(field, id == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND, Message.of("support.course.notFound"));
        }
        return e;
    }

    /** Registration is open while the course is published and has not started. */
    private static void open(CourseEntity course, ValidationErrors errors) {
        if (course.status == Status.CANCELLED) {
            errors.add("courseId", UserErrorCode.CONFLICT, Message.of("support.course.cancelled"));
        } else if (course.status != Status.PUBLISHED) {
            errors.add("courseId", UserErrorCode.CONFLICT, Message.of("support.course.notPublished"));
        } else if (!course.startsAt.isAfter(Instant.now())) {
            errors.add("courseId", UserErrorCode.CONFLICT, Message.of("support.registration.closed"));
        }
    }

    /** A person registering themself comes for an organization they belong to; staff may name any organization. */
    private Long organization(Actor actor, String id, boolean onBehalf, ValidationErrors errors) {
        if (id == null || id.isBlank()) {
            return null;
        }
        Long dbId = GlobalId.tryDecode(id, Organization.TYPE);
        if (dbId != null && !onBehalf && !actor.memberOf(dbId) && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "input.organizationId", Message.of("support.registration.notMember"));
        }
        Organization o = dbId == null ? null : organizations.findById(dbId).orElse(null);
        if (o == null) {
            errors.add("organizationId", UserErrorCode.NOT_FOUND, Message.of("organization.id.unknown", "organizationId"));
            return null;
        }
        if (!o.active()) {
            errors.add("organizationId", UserErrorCode.INVALID, Message.of("support.registration.organizationArchived"));
        }
        return o.databaseId();
    }

    private static String phone(String given, boolean required, ValidationErrors errors) {
        if (given == null || given.isBlank()) {
            if (required) {
                errors.add("phone", UserErrorCode.REQUIRED, Message.of("support.registration.phoneRequired"));
            }
            return null;
        }
        String phone = VietnamesePhone.normalize(given);
        if (phone == null) {
            errors.add("phone", UserErrorCode.INVALID, Message.of("support.registration.phoneInvalid"));
        }
        return phone;
    }

    /** Changes the live-registration count of a locked course (the entity does not write that column). */
    private void adjustSeats(CourseEntity course, int delta) {
        jdbc.update("UPDATE course SET registered_count = registered_count + ? WHERE id = ?", delta, course.id);
        course.registeredCount += delta;
    }

    @Transactional
    public CourseRegistrationPayload cancel(CancelCourseRegistrationInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long dbId = GlobalId.tryDecode(in.registrationId(), CourseRegistration.TYPE);
        CourseRegistrationEntity r = dbId == null ? null : registrations.findFirstById(dbId).orElse(null);
        if (r == null) {
            errors.add("registrationId", UserErrorCode.NOT_FOUND, Message.of("support.registration.notFound"));
            return new CourseRegistrationPayload(null, errors.list(), in.clientMutationId());
        }
        CourseEntity course = courses.lockForUpdate(r.courseId).orElseThrow();
        boolean own = r.userId != null && r.userId.equals(actor.userId())
                || r.organizationId != null && actor.memberOf(r.organizationId);
        if (!own && !CourseAccess.manages(actor, course.organizerOrganizationId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
        }
        if (r.status == RegistrationStatus.CANCELLED) {
            errors.add("registrationId", UserErrorCode.CONFLICT, Message.of("support.registration.alreadyCancelled"));
        } else if (!course.startsAt.isAfter(Instant.now())) {
            errors.add("registrationId", UserErrorCode.CONFLICT, Message.of("support.course.started"));
        }
        if (errors.hasErrors()) {
            return new CourseRegistrationPayload(null, errors.list(), in.clientMutationId());
        }
        r.cancel(Instant.now());
        registrations.saveAndFlush(r);
        adjustSeats(course, -1);
        return new CourseRegistrationPayload(r.toView(), List.of(), in.clientMutationId());
    }

    @Transactional
    public RecordCourseAttendancePayload recordAttendance(RecordCourseAttendanceInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        CourseEntity course = course(in.courseId(), "courseId", errors);
        if (course == null) {
            return new RecordCourseAttendancePayload(List.of(), errors.list(), in.clientMutationId());
        }
        if (!CourseAccess.manages(actor, course.organizerOrganizationId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
        }
        if (course.status != Status.PUBLISHED) {
            errors.add("courseId", UserErrorCode.CONFLICT, course.status == Status.CANCELLED
                    ? Message.of("support.course.cancelled") : Message.of("support.course.notPublished"));
        } else if (course.startsAt.isAfter(Instant.now())) {
            errors.add("courseId", UserErrorCode.CONFLICT, Message.of("support.attendance.tooEarly"));
        }
        List<CourseAttendanceEntry> entries = in.entries() == null ? List.of() : in.entries();
        if (entries.isEmpty()) {
            errors.add("entries", UserErrorCode.REQUIRED, Message.of("input.required", "entries"));
        } else if (entries.size() > MAX_ENTRIES) {
            errors.add("entries", UserErrorCode.OUT_OF_RANGE, Message.of("support.attendance.tooMany", MAX_ENTRIES));
            return new RecordCourseAttendancePayload(List.of(), errors.list(), in.clientMutationId());
        }
        List<Long> ids = new ArrayList<>();
        for (CourseAttendanceEntry entry : entries) {
            Long id = entry == null ? null : GlobalId.tryDecode(entry.registrationId(), CourseRegistration.TYPE);
            ids.add(id == null ? -1L : id);
        }
        Map<Long, CourseRegistrationEntity> found = new HashMap<>();
        registrations.findByIds(ids.stream().filter(i -> i > 0).distinct().toList()).forEach(r -> found.put(r.id, r));
        Set<Long> seen = new HashSet<>();
        Instant now = Instant.now();
        List<CourseRegistrationEntity> changed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CourseAttendanceEntry entry = entries.get(i);
            CourseRegistrationEntity r = found.get(ids.get(i));
            String field = "entries[" + i + "]";
            if (r == null || r.courseId != course.id) {
                errors.add(field + ".registrationId", UserErrorCode.NOT_FOUND, Message.of("support.registration.notFound"));
            } else if (!seen.add(r.id)) {
                errors.add(field + ".registrationId", UserErrorCode.DUPLICATE, Message.of("support.attendance.repeated"));
            } else if (r.status != RegistrationStatus.REGISTERED) {
                errors.add(field + ".registrationId", UserErrorCode.CONFLICT, Message.of("support.registration.alreadyCancelled"));
            } else if (entry.attended() == null) {
                errors.add(field + ".attended", UserErrorCode.REQUIRED, Message.of("input.required", "attended"));
            } else if (Boolean.TRUE.equals(entry.completed()) && !entry.attended()) {
                errors.add(field + ".completed", UserErrorCode.INVALID, Message.of("support.attendance.completedNeedsAttended"));
            } else {
                r.attended = entry.attended();
                r.completed = Boolean.TRUE.equals(entry.completed());
                r.activityAt = r.attended ? course.startsAt : null;
                r.attendanceRecordedAt = now;
                changed.add(r);
            }
        }
        if (errors.hasErrors()) {
            // Entities above are managed and some were changed: roll back so none of it is written.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new RecordCourseAttendancePayload(List.of(), errors.list(), in.clientMutationId());
        }
        registrations.saveAllAndFlush(changed);
        return new RecordCourseAttendancePayload(changed.stream().map(CourseRegistrationEntity::toView).toList(), List.of(),
                in.clientMutationId());
    }
}
