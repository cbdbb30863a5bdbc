package vn.htxconnect.support.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.organization.ActivitySql;

/**
 * COURSE_ATTENDED: someone attended a course for the organization (a member it sent, or its manager), as of the
 * course's start. Recording attendance stores that moment on the registration ({@code activity_at}), so the
 * activity is read from the registration's (organization, activity_at) index alone: one index dive per
 * organization for the overview, whatever the number of registrations. Courses cannot be cancelled once
 * started, and cancelled registrations are never marked attended, so a stored moment stays true.
 */
@Component
class CourseActivity implements ActivitySource {

    private final NamedParameterJdbcTemplate named;

    CourseActivity(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public ActivityKind kind() {
        return ActivityKind.COURSE_ATTENDED;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Map<Long, Instant>> lastActivity(Collection<Long> organizationIds, List<Instant> befores) {
        return ActivitySql.latest(named, """
                SELECT organization_id, {latest} FROM course_registration
                WHERE organization_id IN (:ids) AND activity_at <= :last GROUP BY organization_id""",
                "CASE WHEN activity_at <= :before THEN activity_at END", organizationIds, befores);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Instant> latestOfEveryOrganization(Instant now) {
        return ActivitySql.latestOfAll(named, """
                SELECT organization_id, MAX(activity_at) FROM course_registration
                WHERE organization_id IS NOT NULL AND activity_at <= :now GROUP BY organization_id""", now);
    }
}
