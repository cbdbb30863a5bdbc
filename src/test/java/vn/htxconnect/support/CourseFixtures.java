package vn.htxconnect.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.testing.TestData;

/** Parties and courses for the support module's tests, made through the public API as clients make them. */
public final class CourseFixtures {

    public static final String CREATE = """
            mutation($i: CreateCourseInput!) { createCourse(input: $i) {
              course { id status title capacity registeredCount seatsLeft audience organizedByAlliance province { code name }
                organizer { id } startsAt version }
              errors { field code message } } }""";
    public static final String PUBLISH = """
            mutation($i: CourseActionInput!) { publishCourse(input: $i) { course { id status } errors { field code message } } }""";
    public static final String REGISTER = """
            mutation($i: RegisterForCourseInput!) { registerForCourse(input: $i) {
              registration { id name phone audience status selfRegistered attended completed organization { id } course { id seatsLeft } }
              errors { field code message } } }""";
    public static final String CANCEL_REGISTRATION = """
            mutation($i: CancelCourseRegistrationInput!) { cancelCourseRegistration(input: $i) {
              registration { id status cancelledAt } errors { field code message } } }""";
    public static final String ATTENDANCE = """
            mutation($i: RecordCourseAttendanceInput!) { recordCourseAttendance(input: $i) {
              registrations { id attended completed } errors { field code message } } }""";

    private CourseFixtures() {
    }

    /** A signed-in owner of a new organization. */
    public record Party(String organizationId, HttpGraphQlTester as, String userId) {
        public long dbId() {
            return GlobalId.decode("id", organizationId).id();
        }
    }

    public static Party register(HttpGraphQlTester anonymous, String kind, String prefix, String province, String contactPhone) {
        Map<String, Object> org = new HashMap<>(Map.of("kind", kind, "name", TestData.unique(prefix), "province", province));
        if (contactPhone != null) {
            org.put("contactPhone", contactPhone);
        }
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token errors { message } } }""")
                .variable("i", Map.of("organization", org, "owner", Map.of("email", TestData.unique("c") + "@htx.vn",
                        "name", "Chủ " + prefix.strip(), "password", "mat-khau-du-dai")))
                .execute();
        HttpGraphQlTester as = TestData.bearer(anonymous, r.path("registerOrganization.token").entity(String.class).get());
        String user = as.document("{ me { id } }").execute().path("me.id").entity(String.class).get();
        return new Party(r.path("registerOrganization.organization.id").entity(String.class).get(), as, user);
    }

    /** A signed-in analyst of the Cooperative Alliance. */
    public static HttpGraphQlTester alliance(HttpGraphQlTester anonymous) {
        Party p = register(anonymous, "PARTNER", "Liên minh HTX ", "Hà Nội", null);
        TestData.asAdmin(anonymous).document("mutation($u: ID!) { grantPlatformRole(input: {userId: $u, role: ALLIANCE_ANALYST}) { errors { code } } }")
                .variable("u", p.userId()).execute().path("grantPlatformRole.errors").entityList(Object.class).hasSize(0);
        return p.as();
    }

    /** Input of a course starting in {@code daysAhead} days at 8:00 in Vietnam, lasting two days. */
    public static Map<String, Object> course(String kind, String title, String province, int capacity, List<String> audience,
                                             int daysAhead) {
        OffsetDateTime starts = OffsetDateTime.now(VietnamTime.ZONE).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead)
                .withHour(8);
        Map<String, Object> in = new HashMap<>();
        in.put("kind", kind);
        in.put("title", title);
        in.put("province", province);
        in.put("capacity", capacity);
        in.put("audience", audience);
        in.put("startsAt", starts.toString());
        in.put("endsAt", starts.plusDays(1).withHour(17).toString());
        in.put("place", "Hội trường Liên minh HTX tỉnh");
        return in;
    }

    public static String create(HttpGraphQlTester as, Map<String, Object> in) {
        return as.document(CREATE).variable("i", in).execute()
                .path("createCourse.errors").entityList(Object.class).hasSize(0)
                .path("createCourse.course.id").entity(String.class).get();
    }

    public static String registerOnBehalf(HttpGraphQlTester as, String course, String name, String phone, String audience) {
        return as.document(REGISTER).variable("i", Map.of("courseId", course, "name", name, "phone", phone, "audience", audience))
                .execute().path("registerForCourse.errors").entityList(Object.class).hasSize(0)
                .path("registerForCourse.registration.id").entity(String.class).get();
    }

    /**
     * Moves a course (and its recorded activity) so that it started at {@code start}: the API refuses courses in
     * the past, and tests cannot wait for a course to begin.
     */
    public static void startedAt(JdbcTemplate jdbc, String course, Instant start) {
        long id = GlobalId.decode("id", course).id();
        jdbc.update("UPDATE course SET starts_at = ?, ends_at = ? WHERE id = ?", Timestamp.from(start),
                Timestamp.from(start.plus(1, ChronoUnit.DAYS)), id);
    }
}
