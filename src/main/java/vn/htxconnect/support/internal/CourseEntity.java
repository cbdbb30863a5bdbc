package vn.htxconnect.support.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.htxconnect.platform.Timestamped;
import vn.htxconnect.support.Course;
import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseEnums.Kind;
import vn.htxconnect.support.CourseEnums.Status;

@Entity
@Table(name = "course")
class CourseEntity extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Kind kind;

    @Column(nullable = false)
    String title;

    String description;

    @Column(nullable = false)
    Instant startsAt;

    @Column(nullable = false)
    Instant endsAt;

    String place;

    String onlineUrl;

    @Column(nullable = false)
    String provinceCode;

    int capacity;

    /** Written only by {@link RegistrationStore#adjustSeats} (under the course's row lock), never by Hibernate. */
    @Column(insertable = false, updatable = false)
    int registeredCount;

    /** Comma-separated audiences, in enum order. */
    @Column(nullable = false)
    String audience;

    @Column(name = "organizer_org_id")
    Long organizerOrganizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status = Status.DRAFT;

    String cancelReason;

    Long createdByUserId;

    @Version
    long version;

    Set<Audience> audiences() {
        if (audience == null || audience.isBlank()) {
            return Set.of();
        }
        Set<Audience> out = EnumSet.noneOf(Audience.class);
        Arrays.stream(audience.split(",")).map(Audience::valueOf).forEach(out::add);
        return out;
    }

    void audiences(Set<Audience> set) {
        audience = EnumSet.copyOf(set).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    Course toView() {
        return new Course(id, kind, title, description, startsAt, endsAt, place, onlineUrl, provinceCode, capacity,
                Set.copyOf(audiences()), organizerOrganizationId, status, cancelReason, registeredCount, createdByUserId,
                createdAt, updatedAt, version);
    }
}
