package vn.htxconnect.support.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.support.Course;
import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseEnums.Kind;
import vn.htxconnect.support.CourseEnums.Status;
import vn.htxconnect.support.CourseFigures.Counts;
import vn.htxconnect.support.CourseRegistration;
import vn.htxconnect.support.CourseService;

/**
 * Lists of courses (IDs of a page from indexed SQL, then the rows in one more statement), registration pages and
 * per-course counts for every course of a response at once.
 */
@Service
class CourseQueries {

    /** Resolved filter; null fields do not filter. {@code manageable}: drafts of these organizers (or all) are shown. */
    record Criteria(Kind kind, String provinceCode, Status status, Audience audience, Long organizerId, LocalDate from,
                    LocalDate to, boolean allDrafts, Set<Long> draftOrganizers) {
    }

    private final NamedParameterJdbcTemplate named;
    private final CourseService courses;
    private final CourseRegistrationRepository registrations;

    CourseQueries(JdbcTemplate jdbc, CourseService courses, CourseRegistrationRepository registrations) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.courses = courses;
        this.registrations = registrations;
    }

    @Transactional(readOnly = true)
    public Page<Course> list(Criteria c, int offset, int n) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (c.kind() != null) {
            where.append(" AND c.kind = :kind");
            p.addValue("kind", c.kind().name());
        }
        if (c.provinceCode() != null) {
            where.append(" AND c.province_code = :province");
            p.addValue("province", c.provinceCode());
        }
        if (c.status() != null) {
            where.append(" AND c.status = :status");
            p.addValue("status", c.status().name());
        }
        if (c.audience() != null) {
            where.append(" AND FIND_IN_SET(:audience, c.audience) > 0");
            p.addValue("audience", c.audience().name());
        }
        if (c.organizerId() != null) {
            where.append(" AND c.organizer_org_id = :organizer");
            p.addValue("organizer", c.organizerId());
        }
        if (c.from() != null) {
            where.append(" AND c.ends_at >= :from");
            p.addValue("from", Timestamp.from(c.from().atStartOfDay(VietnamTime.ZONE).toInstant()));
        }
        if (c.to() != null) {
            where.append(" AND c.starts_at < :to");
            p.addValue("to", Timestamp.from(c.to().plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant()));
        }
        if (!c.allDrafts()) {
            if (c.draftOrganizers().isEmpty()) {
                where.append(" AND c.status <> 'DRAFT'");
            } else {
                where.append(" AND (c.status <> 'DRAFT' OR c.organizer_org_id IN (:drafts))");
                p.addValue("drafts", c.draftOrganizers());
            }
        }
        long total = Objects.requireNonNull(named.queryForObject("SELECT COUNT(*) FROM course c" + where, p, Long.class));
        p.addValue("limit", n + 1).addValue("offset", offset);
        List<Long> ids = named.queryForList("SELECT c.id FROM course c" + where
                + " ORDER BY c.starts_at DESC, c.id DESC LIMIT :limit OFFSET :offset", p, Long.class);
        Map<Long, Course> rows = courses.findByIds(ids);
        List<Course> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(rows.get(id)));
        return new Page<>(ordered, total);
    }

    /**
     * A page of registrations of each course, in order of registration: two statements for all the courses
     * (IDs with a window function, then the rows). {@code visibleTo} null: all; else only those of these users
     * or organizations.
     */
    @Transactional(readOnly = true)
    public Map<Long, Page<CourseRegistration>> registrationPages(Collection<Long> courseIds, Visible visibleTo, int offset,
                                                                 int n) {
        Map<Long, Page<CourseRegistration>> out = new HashMap<>();
        if (courseIds.isEmpty()) {
            return out;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("courses", courseIds)
                .addValue("from", offset).addValue("to", offset + n + 1);
        String filter = "";
        if (visibleTo != null) {
            filter = " AND (r.user_id = :user OR r.organization_id IN (:orgs))";
            p.addValue("user", visibleTo.userId() == null ? -1L : visibleTo.userId())
                    .addValue("orgs", visibleTo.organizationIds().isEmpty() ? List.of(-1L) : visibleTo.organizationIds());
        }
        Map<Long, List<Long>> idsByCourse = new HashMap<>();
        Map<Long, Long> totals = new HashMap<>();
        named.query("""
                SELECT course_id, id, total FROM (
                  SELECT r.course_id, r.id, COUNT(*) OVER (PARTITION BY r.course_id) AS total,
                         ROW_NUMBER() OVER (PARTITION BY r.course_id ORDER BY r.id) AS n
                  FROM course_registration r WHERE r.course_id IN (:courses)%s) x
                WHERE n > :from AND n <= :to ORDER BY course_id, n""".formatted(filter), p, rs -> {
            idsByCourse.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            totals.put(rs.getLong(1), rs.getLong(3));
        });
        if (offset > 0 || idsByCourse.size() < courseIds.size()) {
            // Courses whose page came back empty still have a total; count those separately only then.
            named.query("SELECT r.course_id, COUNT(*) FROM course_registration r WHERE r.course_id IN (:courses)" + filter
                    + " GROUP BY r.course_id", p, rs -> {
                totals.put(rs.getLong(1), rs.getLong(2));
            });
        }
        Map<Long, CourseRegistration> rows = new HashMap<>();
        List<Long> all = idsByCourse.values().stream().flatMap(List::stream).toList();
        if (!all.isEmpty()) {
            registrations.findByIds(all).forEach(r -> rows.put(r.id, r.toView()));
        }
        totals.forEach((course, total) -> out.put(course, new Page<>(
                idsByCourse.getOrDefault(course, List.of()).stream().map(rows::get).toList(), total)));
        return out;
    }

    /** Whose registrations a caller who does not run the course sees: their own and their organizations'. */
    record Visible(Long userId, Set<Long> organizationIds) {
    }

    /** Live registrations, attended and completed of each course, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, Counts> counts(Collection<Long> courseIds) {
        Map<Long, Counts> out = new HashMap<>();
        if (courseIds.isEmpty()) {
            return out;
        }
        named.query("""
                SELECT course_id, COUNT(*), SUM(attended), SUM(completed) FROM course_registration
                WHERE course_id IN (:courses) AND status = 'REGISTERED' GROUP BY course_id""",
                new MapSqlParameterSource("courses", courseIds),
                rs -> {
                    out.put(rs.getLong(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        return out;
    }

    /** The registration, whatever its status. */
    @Transactional(readOnly = true)
    public Optional<CourseRegistration> registration(long id) {
        return registrations.findFirstById(id).map(CourseRegistrationEntity::toView);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(VietnamTime.ZONE).toInstant();
    }
}
