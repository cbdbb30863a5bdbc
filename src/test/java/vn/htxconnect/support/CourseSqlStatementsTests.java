package vn.htxconnect.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.support.CourseFixtures.Party;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** A page of 8 courses with registrations, organizers and figures costs what a page of 2 does; so do the period's figures. */
@IntegrationTest
class CourseSqlStatementsTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    SqlStatementCounter sql;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void courseListsAndFiguresCostAFixedNumberOfStatements() {
        HttpGraphQlTester alliance = CourseFixtures.alliance(anonymous);
        Party center = CourseFixtures.register(anonymous, "PARTNER", "Trung tâm Đào tạo ", "Huế", null);
        alliance.document("mutation($i: SetCourseOrganizerInput!) { setCourseOrganizer(input: $i) { errors { code } } }")
                .variable("i", Map.of("organizationId", center.organizationId(), "granted", true)).execute()
                .path("setCourseOrganizer.errors").entityList(Object.class).hasSize(0);
        String tag = TestData.unique("SQL ");
        for (int i = 0; i < 8; i++) {
            Party coop = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX Huế ", "Huế", null);
            Map<String, Object> in = new java.util.HashMap<>(CourseFixtures.course("DIGITAL_TRANSFORMATION",
                    "Chuyển đổi số " + tag + " " + i, "Huế", 20, List.of("MANAGERS", "MEMBERS"), 3 + i));
            in.put("publish", true);
            in.put("organizerOrganizationId", center.organizationId());
            String course = CourseFixtures.create(alliance, in);
            coop.as().document(CourseFixtures.REGISTER).variable("i", Map.of("courseId", course, "audience", "MANAGERS",
                    "organizationId", coop.organizationId())).execute().path("registerForCourse.errors").entityList(Object.class).hasSize(0);
            CourseFixtures.registerOnBehalf(alliance, course, "Thành viên " + i, "0912%06d".formatted(100_000 + i * 37 + (int) (System.nanoTime() % 97)), "MEMBERS");
        }
        String list = """
                query($o: ID!, $n: Int) { courses(filter: {organizerId: $o}, first: $n) { totalCount edges { node {
                  title status province { name } organizer { name } registeredCount seatsLeft
                  figures { registered attended completed }
                  registrations(first: 10) { totalCount edges { node { name phone organization { name } course { title } } } } } } } }""";
        int small = count(alliance, list, center.organizationId(), 2);
        String smallSql = String.join("\n", sql.statements());
        int large = count(alliance, list, center.organizationId(), 8);
        assertThat(large).as(smallSql + "\n----\n" + String.join("\n", sql.statements())).isEqualTo(small);
        // Caller; count and IDs and rows of courses; organizers; counts; registrations (page, rows);
        // their organizations; their courses (already loaded rows come from the same statement kind).
        assertThat(large).as(String.join("\n", sql.statements())).isLessThanOrEqualTo(12);
        System.out.printf("Course list: %d SQL statements for 2 courses, %d for 8%n", small, large);

        String figures = """
                query($f: CourseFigureFilter) { courseFigures(filter: $f) { courses registered byAudience { registered }
                  byProvince { province { code } registered } byCooperative(first: 50) { organization { name } registered }
                  founders { attended registeredCooperative } } }""";
        sql.reset();
        alliance.document(figures).variable("f", Map.of("province", "Huế")).execute()
                .path("courseFigures.courses").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(8));
        // Caller; courses per province; registrations per province and audience; founders; cooperatives' counts
        // and their organizations: whatever the number of courses.
        assertThat(sql.count()).as(String.join("\n", sql.statements())).isLessThanOrEqualTo(8);
        System.out.printf("Course figures of a period: %d SQL statements%n", sql.count());
    }

    private int count(HttpGraphQlTester as, String document, String organizer, int first) {
        sql.reset();
        as.document(document).variable("o", organizer).variable("n", first).execute()
                .path("courses.edges").entityList(Object.class).hasSize(first)
                .path("courses.edges[0].node.figures.registered").entity(Integer.class).isEqualTo(2)
                .path("courses.edges[0].node.registrations.totalCount").entity(Integer.class).isEqualTo(2);
        return sql.count();
    }

    static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS);
    }
}
