package vn.htxconnect.support.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseEnums.RegistrationStatus;
import vn.htxconnect.support.CourseRegistration;

@Entity
@Table(name = "course_registration")
class CourseRegistrationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    long courseId;

    Long userId;

    @Column(nullable = false)
    String name;

    String phone;

    Long organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    RegistrationStatus status = RegistrationStatus.REGISTERED;

    /** {@code userId} while live, for the unique key (one live registration per person and course). */
    Long activeUserId;

    /** {@code phone} while live, for the unique key (one live registration per phone and course). */
    String activePhone;

    boolean attended;

    boolean completed;

    /** The course's start once attendance is recorded: the organization's activity signal. */
    Instant activityAt;

    Long registeredByUserId;

    @Column(nullable = false)
    Instant registeredAt;

    Instant cancelledAt;

    Instant attendanceRecordedAt;

    /** A registration made by the person themself (not by staff on their behalf). */
    boolean selfRegistered() {
        return userId != null;
    }

    void cancel(Instant at) {
        status = RegistrationStatus.CANCELLED;
        activeUserId = null;
        activePhone = null;
        cancelledAt = at;
    }

    CourseRegistration toView() {
        return new CourseRegistration(id, courseId, userId, name, phone, organizationId, audience, status, selfRegistered(),
                attended, completed, registeredAt, cancelledAt);
    }
}
