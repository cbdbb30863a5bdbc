package vn.htxconnect.support.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import vn.htxconnect.support.CourseEnums.Status;
import vn.htxconnect.support.CourseInputs.CancelCourseRegistrationInput;
import vn.htxconnect.support.CourseInputs.CourseActionInput;
import vn.htxconnect.support.CourseInputs.CoursePayload;
import vn.htxconnect.support.CourseInputs.CourseRegistrationPayload;
import vn.htxconnect.support.CourseInputs.CreateCourseInput;
import vn.htxconnect.support.CourseInputs.RecordCourseAttendanceInput;
import vn.htxconnect.support.CourseInputs.RecordCourseAttendancePayload;
import vn.htxconnect.support.CourseInputs.RegisterForCourseInput;
import vn.htxconnect.support.CourseInputs.SetCourseOrganizerInput;
import vn.htxconnect.support.CourseInputs.SetCourseOrganizerPayload;
import vn.htxconnect.support.CourseService;

/**
 * Courses are drafted, published and cancelled by the Alliance's staff, or by the members of an organization the
 * Alliance named a course partner for the courses it organizes; registrations and attendance are in
 * {@link CourseRegistrations}. One transaction each.
 */
@Service
class CourseManagement implements CourseService {

    private final CourseRepository repository;
    private final CourseValidator validator;
    private final CourseOrganizers organizers;
    private final OrganizationService organizations;
    private final CourseRegistrations registrations;

    CourseManagement(CourseRepository repository, CourseValidator validator, CourseOrganizers organizers,
                     OrganizationService organizations, CourseRegistrations registrations) {
        this.repository = repository;
        this.validator = validator;
        this.organizers = organizers;
        this.organizations = organizations;
        this.registrations = registrations;
    }

    @Override
    @Transactional
    public CoursePayload create(CreateCourseInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        CourseEntity e = new CourseEntity();
        e.createdByUserId = actor.userId();
        e.organizerOrganizationId = organizer(actor, in.organizerOrganizationId(), errors);
        validator.applyCreate(in, e, errors);
        if (errors.hasErrors()) {
            return new CoursePayload(null, errors.list(), in.clientMutationId());
        }
        e.status = Boolean.TRUE.equals(in.publish()) ? Status.PUBLISHED : Status.DRAFT;
        repository.saveAndFlush(e);
        return new CoursePayload(e.toView(), List.of(), in.clientMutationId());
    }

    /**
     * The organizer given, checked: the Alliance's staff may name any course partner; others must be members of
     * the partner they name. Without one, the Alliance runs the course, which only its staff may announce.
     */
    private Long organizer(Actor actor, String id, ValidationErrors errors) {
        if (id == null || id.isBlank()) {
            if (!actor.isAlliance()) {
                throw new ApiException(ErrorCode.FORBIDDEN, "input.organizerOrganizationId",
                        Message.of("support.course.organizerRequired"));
            }
            return null;
        }
        Long dbId = GlobalId.tryDecode(id, Organization.TYPE);
        if (dbId != null && !actor.isAlliance() && !actor.memberOf(dbId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "input.organizerOrganizationId", Message.of("access.forbidden"));
        }
        Organization o = dbId == null ? null : organizations.findById(dbId).orElse(null);
        if (o == null) {
            if (!actor.isAlliance()) {
                throw new ApiException(ErrorCode.FORBIDDEN, "input.organizerOrganizationId", Message.of("access.forbidden"));
            }
            errors.add("organizerOrganizationId", UserErrorCode.NOT_FOUND,
                    Message.of("organization.id.unknown", "organizerOrganizationId"));
            return null;
        }
        if (!organizers.granted(o.databaseId())) {
            if (!actor.isAlliance()) {
                throw new ApiException(ErrorCode.FORBIDDEN, "input.organizerOrganizationId",
                        Message.of("support.course.notPartner"));
            }
            errors.add("organizerOrganizationId", UserErrorCode.INVALID, Message.of("support.course.notPartner"));
        } else if (!o.active()) {
            errors.add("organizerOrganizationId", UserErrorCode.INVALID, Message.of("support.course.organizerArchived"));
        }
        return o.databaseId();
    }

    @Override
    @Transactional
    public CoursePayload publish(CourseActionInput in) {
        ValidationErrors errors = new ValidationErrors();
        CourseEntity e = managed(in, errors);
        if (e != null && e.status != Status.DRAFT) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("support.course.notDraft"));
        } else if (e != null && !e.startsAt.isAfter(Instant.now())) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("support.course.started"));
        }
        if (errors.hasErrors()) {
            return new CoursePayload(null, errors.list(), in.clientMutationId());
        }
        e.status = Status.PUBLISHED;
        return save(e, errors, in.clientMutationId());
    }

    @Override
    @Transactional
    public CoursePayload cancel(CourseActionInput in) {
        ValidationErrors errors = new ValidationErrors();
        CourseEntity e = managed(in, errors);
        String reason = errors.text("reason", in.reason(), 500, false);
        if (e != null && e.status == Status.CANCELLED) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("support.course.alreadyCancelled"));
        } else if (e != null && !e.startsAt.isAfter(Instant.now())) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("support.course.started"));
        }
        if (errors.hasErrors()) {
            return new CoursePayload(null, errors.list(), in.clientMutationId());
        }
        e.status = Status.CANCELLED;
        e.cancelReason = reason;
        return save(e, errors, in.clientMutationId());
    }

    private CoursePayload save(CourseEntity e, ValidationErrors errors, String clientMutationId) {
        if (errors.hasErrors()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new CoursePayload(null, errors.list(), clientMutationId);
        }
        repository.saveAndFlush(e);
        return new CoursePayload(e.toView(), List.of(), clientMutationId);
    }

    /** The course, locked, if the caller runs it (else FORBIDDEN); null with the reason when missing or stale. */
    private CourseEntity managed(CourseActionInput in, ValidationErrors errors) {
        Actor actor = Access.requireUser();
        Long dbId = GlobalId.tryDecode(in.id(), Course.TYPE);
        CourseEntity e = dbId == null ? null : repository.lockForUpdate(dbId).orElse(null);
        if (e == null) {
            // Courses are public once published, so saying that none has this ID gives nothing away.
            errors.add("id", UserErrorCode.NOT_FOUND, Message.of("support.course.notFound"));
            return null;
        }
        if (!CourseAccess.manages(actor, e.organizerOrganizationId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
        }
        if (in.expectedVersion() != null && in.expectedVersion() != e.version) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT, Message.of("support.course.staleVersion", e.version));
            return null;
        }
        return e;
    }

    @Override
    @Transactional
    public SetCourseOrganizerPayload setOrganizer(SetCourseOrganizerInput in) {
        Actor actor = Access.requireAlliance();
        ValidationErrors errors = new ValidationErrors();
        Long dbId = GlobalId.tryDecode(in.organizationId(), Organization.TYPE);
        Organization o = dbId == null ? null : organizations.findById(dbId).orElse(null);
        if (o == null) {
            errors.add("organizationId", UserErrorCode.NOT_FOUND, Message.of("organization.id.unknown", "organizationId"));
        } else if (Boolean.TRUE.equals(in.granted()) && !o.active()) {
            errors.add("organizationId", UserErrorCode.INVALID, Message.of("support.course.organizerArchived"));
        }
        if (in.granted() == null) {
            errors.add("granted", UserErrorCode.REQUIRED, Message.of("input.required", "granted"));
        }
        if (errors.hasErrors()) {
            return new SetCourseOrganizerPayload(null, false, errors.list(), in.clientMutationId());
        }
        if (in.granted()) {
            organizers.grant(o.databaseId(), actor.userId());
        } else {
            organizers.withdraw(o.databaseId());
        }
        return new SetCourseOrganizerPayload(o, in.granted(), List.of(), in.clientMutationId());
    }

    @Override
    public CourseRegistrationPayload register(RegisterForCourseInput input) {
        return registrations.register(input);
    }

    @Override
    public CourseRegistrationPayload cancelRegistration(CancelCourseRegistrationInput input) {
        return registrations.cancel(input);
    }

    @Override
    public RecordCourseAttendancePayload recordAttendance(RecordCourseAttendanceInput input) {
        return registrations.recordAttendance(input);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Course> findById(long id) {
        return repository.findById(id).map(CourseEntity::toView);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Course> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findAllById(ids).stream().map(CourseEntity::toView)
                .collect(Collectors.toMap(Course::databaseId, Function.identity()));
    }
}
