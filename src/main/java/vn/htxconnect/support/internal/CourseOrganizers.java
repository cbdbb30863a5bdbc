package vn.htxconnect.support.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The organizations the Alliance has named course partners (simplest honest form: a grant per organization). */
@Component
class CourseOrganizers {

    private final JdbcTemplate jdbc;

    CourseOrganizers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean granted(long organizationId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM course_organizer WHERE organization_id = ?", Integer.class,
                organizationId);
        return n != null && n > 0;
    }

    void grant(long organizationId, Long byUserId) {
        jdbc.update("""
                INSERT INTO course_organizer (organization_id, granted_by_user_id, granted_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE organization_id = organization_id""", organizationId, byUserId, Timestamp.from(Instant.now()));
    }

    void withdraw(long organizationId) {
        jdbc.update("DELETE FROM course_organizer WHERE organization_id = ?", organizationId);
    }
}
