package vn.htxconnect.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.support.CourseFixtures.Party;
import vn.htxconnect.testing.IntegrationTest;

/**
 * Courses end to end: the Alliance drafts and publishes a course, a cooperative's manager registers himself and
 * the Alliance registers would-be founders by phone, capacity and duplicates are enforced, attendance and
 * completion are recorded in one batch, and the figures (per course and per period, by audience, province and
 * cooperative, founders who went on to found a cooperative) and the cooperative's activity follow.
 */
@IntegrationTest
class CourseFlowTests {

    static final String FIGURES = """
            query($f: CourseFigureFilter) { courseFigures(filter: $f) { courses registered attended completed
              byAudience { audience registered attended completed }
              byProvince { province { code } courses registered attended completed }
              byCooperative(first: 100) { organization { id } registered attended completed }
              founders { attended withPhone registeredCooperative stillInWindow } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProvinceService provinces;
    @Autowired
    List<ActivitySource> activitySources;

    @Test
    @SuppressWarnings("unchecked")
    void publishRegisterFillAttendCompleteAndCount() {
        HttpGraphQlTester alliance = CourseFixtures.alliance(anonymous);
        Party coop = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX Cà phê Đắk Nông ", "Lâm Đồng", null);
        // Where the course will have started, and the period and province its figures are read for.
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String day = start.atZone(VietnamTime.ZONE).toLocalDate().toString();
        String province = provinces.resolve("Đắk Nông").orElseThrow().code();
        Map<String, Object> period = Map.of("from", day, "to", day, "province", "Đắk Nông", "kind", "COOPERATIVE_LAW_FOR_FOUNDERS");
        Map<String, Object> before = figures(alliance, period);

        // A legacy province name resolves to today's unit; the course is a draft until published.
        var created = alliance.document(CourseFixtures.CREATE).variable("i", CourseFixtures.course("COOPERATIVE_LAW_FOR_FOUNDERS",
                "Tập huấn Luật Hợp tác xã 2023 cho thanh niên khởi nghiệp", "Đắk Nông", 3, List.of("FOUNDERS", "MANAGERS"), 10))
                .execute().path("createCourse.errors").entityList(Object.class).hasSize(0)
                .path("createCourse.course.status").entity(String.class).isEqualTo("DRAFT")
                .path("createCourse.course.organizedByAlliance").entity(Boolean.class).isEqualTo(true)
                .path("createCourse.course.province.code").entity(String.class).isEqualTo(province)
                .path("createCourse.course.audience").entityList(String.class).satisfies(l -> assertThat(l).containsExactlyInAnyOrder("FOUNDERS", "MANAGERS"));
        String course = created.path("createCourse.course.id").entity(String.class).get();
        anonymous.document("query($id: ID!) { course(id: $id) { id } }").variable("id", course).execute()
                .errors().satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("NOT_FOUND"));
        register(coop.as(), Map.of("courseId", course, "audience", "MANAGERS", "organizationId", coop.organizationId()))
                .path("registerForCourse.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        alliance.document(CourseFixtures.PUBLISH).variable("i", Map.of("id", course)).execute()
                .path("publishCourse.course.status").entity(String.class).isEqualTo("PUBLISHED");

        // The manager registers himself for his cooperative; a second time is a duplicate.
        String manager = register(coop.as(), Map.of("courseId", course, "audience", "MANAGERS", "organizationId", coop.organizationId()))
                .path("registerForCourse.errors").entityList(Object.class).hasSize(0)
                .path("registerForCourse.registration.selfRegistered").entity(Boolean.class).isEqualTo(true)
                .path("registerForCourse.registration.course.seatsLeft").entity(Integer.class).isEqualTo(2)
                .path("registerForCourse.registration.id").entity(String.class).get();
        register(coop.as(), Map.of("courseId", course, "audience", "MANAGERS"))
                .path("registerForCourse.errors[0].code").entity(String.class).isEqualTo("DUPLICATE")
                .path("registerForCourse.errors[0].field").entityList(String.class).containsExactly("input", "courseId");
        // A course for founders and managers takes no members; founders need a phone.
        register(coop.as(), Map.of("courseId", course, "audience", "MEMBERS"))
                .path("registerForCourse.errors[*].field[1]").entityList(String.class).contains("audience");

        // The Alliance registers founders by name and phone; the same phone written another way is the same person.
        // (A phone of this run's own: the founders' figures count people by phone across runs of the database.)
        String d = "%08d".formatted(Math.floorMod(System.nanoTime(), 100_000_000L));
        String anPhone = "09" + d;
        String an = alliance.document(CourseFixtures.REGISTER).variable("i", Map.of("courseId", course, "name", "Nguyễn Văn An",
                        "phone", "+84 9" + d.substring(0, 2) + " " + d.substring(2, 5) + " " + d.substring(5), "audience", "FOUNDERS")).execute()
                .path("registerForCourse.errors").entityList(Object.class).hasSize(0)
                .path("registerForCourse.registration.phone").entity(String.class).isEqualTo(anPhone)
                .path("registerForCourse.registration.selfRegistered").entity(Boolean.class).isEqualTo(false)
                .path("registerForCourse.registration.id").entity(String.class).get();
        register(alliance, Map.of("courseId", course, "name", "Nguyễn Văn An", "phone", "09" + d.substring(0, 2) + "." + d.substring(2, 5) + "." + d.substring(5), "audience", "FOUNDERS"))
                .path("registerForCourse.errors[0].code").entity(String.class).isEqualTo("DUPLICATE")
                .path("registerForCourse.errors[0].field").entityList(String.class).containsExactly("input", "phone");
        in(alliance, "en").document(CourseFixtures.REGISTER).variable("i", Map.of("courseId", course, "name", "Lê Thị Bình",
                        "phone", "012345", "audience", "FOUNDERS")).execute()
                .path("registerForCourse.errors[0].field").entityList(String.class).containsExactly("input", "phone")
                .path("registerForCourse.errors[0].message").entity(String.class)
                .isEqualTo("phone must be a Vietnamese mobile number: 10 digits starting 03, 05, 07, 08 or 09 (or +84)");
        String binh = CourseFixtures.registerOnBehalf(alliance, course, "Lê Thị Bình", "0387 654 321", "FOUNDERS");

        // Full: the fourth is refused (in Vietnamese by default) until someone cancels.
        register(alliance, Map.of("courseId", course, "name", "Trần Minh Châu", "phone", "0701234567", "audience", "FOUNDERS"))
                .path("registerForCourse.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
                .path("registerForCourse.errors[0].message").entity(String.class).isEqualTo("Lớp đã đủ chỗ (3 chỗ)");
        alliance.document(CourseFixtures.CANCEL_REGISTRATION).variable("i", Map.of("registrationId", binh)).execute()
                .path("cancelCourseRegistration.registration.status").entity(String.class).isEqualTo("CANCELLED");
        String chau = CourseFixtures.registerOnBehalf(alliance, course, "Trần Minh Châu", "0701234567", "FOUNDERS");
        // Cancelled, Bình may register again once a seat is free; now there is none.
        register(alliance, Map.of("courseId", course, "name", "Lê Thị Bình", "phone", "0387654321", "audience", "FOUNDERS"))
                .path("registerForCourse.errors[0].code").entity(String.class).isEqualTo("CONFLICT");

        // Attendance only once the course has started.
        attendance(alliance, course, List.of(Map.of("registrationId", manager, "attended", true)))
                .path("recordCourseAttendance.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        CourseFixtures.startedAt(jdbc, course, start);
        // One bad entry: nothing of the batch is written.
        attendance(alliance, course, List.of(Map.of("registrationId", manager, "attended", true, "completed", true),
                Map.of("registrationId", chau, "attended", false, "completed", true)))
                .path("recordCourseAttendance.errors[0].field").entityList(String.class)
                .containsExactly("input", "entries", "1", "completed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course_registration WHERE course_id = ? AND attended",
                Integer.class, vn.htxconnect.platform.GlobalId.decode("id", course).id())).isZero();
        attendance(alliance, course, List.of(Map.of("registrationId", manager, "attended", true, "completed", true),
                Map.of("registrationId", an, "attended", true, "completed", false),
                Map.of("registrationId", chau, "attended", false)))
                .path("recordCourseAttendance.errors").entityList(Object.class).hasSize(0)
                .path("recordCourseAttendance.registrations[*].attended").entityList(Boolean.class).containsExactly(true, true, false);
        // Registration closed; cancelling no longer frees a seat.
        alliance.document(CourseFixtures.CANCEL_REGISTRATION).variable("i", Map.of("registrationId", chau)).execute()
                .path("cancelCourseRegistration.errors[0].code").entity(String.class).isEqualTo("CONFLICT");

        alliance.document("""
                query($id: ID!) { course(id: $id) { registeredCount seatsLeft figures { registered attended completed }
                  registrations(first: 10) { totalCount edges { node { name status attended completed phone } } } } }""")
                .variable("id", course).execute()
                .path("course.figures.registered").entity(Integer.class).isEqualTo(3)
                .path("course.figures.attended").entity(Integer.class).isEqualTo(2)
                .path("course.figures.completed").entity(Integer.class).isEqualTo(1)
                .path("course.registrations.totalCount").entity(Integer.class).isEqualTo(4)
                .path("course.registrations.edges[*].node.status").entityList(String.class)
                .containsExactly("REGISTERED", "REGISTERED", "CANCELLED", "REGISTERED");
        // Others see only their own registration, and no one else's phone; figures are the Alliance's.
        coop.as().document("query($id: ID!) { course(id: $id) { registrations { totalCount edges { node { name phone } } } } }")
                .variable("id", course).execute().path("course.registrations.totalCount").entity(Integer.class).isEqualTo(1);
        coop.as().document("query($id: ID!) { course(id: $id) { figures { registered } } }").variable("id", course).execute()
                .errors().satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("FORBIDDEN"));

        // An went on to found a cooperative with his phone as its contact: a founder who did.
        CourseFixtures.register(anonymous, "COOPERATIVE", "HTX Thanh niên khởi nghiệp ", "Lâm Đồng", "09" + d.substring(0, 2) + " " + d.substring(2, 5) + " " + d.substring(5));
        Map<String, Object> after = figures(alliance, period);
        assertThat(delta(before, after, "courses")).isEqualTo(1);
        assertThat(delta(before, after, "registered")).isEqualTo(3);
        assertThat(delta(before, after, "attended")).isEqualTo(2);
        assertThat(delta(before, after, "completed")).isEqualTo(1);
        Map<?, ?> founders = (Map<?, ?>) after.get("founders");
        Map<?, ?> foundersBefore = (Map<?, ?>) before.get("founders");
        assertThat((Integer) founders.get("attended") - (Integer) foundersBefore.get("attended")).isEqualTo(1);
        assertThat((Integer) founders.get("registeredCooperative") - (Integer) foundersBefore.get("registeredCooperative")).isEqualTo(1);
        assertThat(audience(after, "MANAGERS", "completed") - audience(before, "MANAGERS", "completed")).isEqualTo(1);
        assertThat(audience(after, "FOUNDERS", "attended") - audience(before, "FOUNDERS", "attended")).isEqualTo(1);
        assertThat((List<Object>) after.get("byCooperative")).contains((Object) Map.of("organization", Map.of("id", coop.organizationId()),
                "registered", 1, "attended", 1, "completed", 1));
        assertThat(((List<Object>) after.get("byProvince")).stream()
                .map(p -> (Object) ((Map<?, ?>) ((Map<?, ?>) p).get("province")).get("code")).toList()).containsExactly(province);

        // Attending is the cooperative's activity signal, as of the course's start.
        ActivitySource source = activitySources.stream().filter(s -> s.kind() == ActivityKind.COURSE_ATTENDED).findFirst().orElseThrow();
        assertThat(source.lastActivity(List.of(coop.dbId()), Instant.now())).containsEntry(coop.dbId(), start);
        assertThat(source.lastActivity(List.of(coop.dbId()), start.minusSeconds(1))).doesNotContainKey(coop.dbId());
        assertThat(source.latestOfEveryOrganization(Instant.now())).containsEntry(coop.dbId(), start);
        in(alliance, "vi").document("query($id: ID!) { organization(id: $id) { activity { signals { kind explanation } } } }")
                .variable("id", coop.organizationId()).execute()
                .path("organization.activity.signals[?(@.kind == 'COURSE_ATTENDED')].explanation").entityList(String.class)
                .satisfies(l -> assertThat(l).singleElement().asString().startsWith("Lần cuối tham gia lớp tập huấn: "));
    }

    @Test
    void partnersTheAllianceNamesPublishTheirOwnCoursesOnly() {
        HttpGraphQlTester alliance = CourseFixtures.alliance(anonymous);
        Party center = CourseFixtures.register(anonymous, "PARTNER", "Trung tâm Khuyến nông ", "Thái Nguyên", null);
        Map<String, Object> in = new java.util.HashMap<>(CourseFixtures.course("VIETGAP_OCOP_PREPARATION",
                "Chuẩn bị chứng nhận VietGAP cho HTX chè", "Thái Nguyên", 30, List.of("MANAGERS", "MEMBERS"), 7));
        in.put("organizerOrganizationId", center.organizationId());
        center.as().document(CourseFixtures.CREATE).variable("i", in).execute()
                .errors().satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("FORBIDDEN"));
        alliance.document("mutation($i: SetCourseOrganizerInput!) { setCourseOrganizer(input: $i) { granted errors { code } } }")
                .variable("i", Map.of("organizationId", center.organizationId(), "granted", true)).execute()
                .path("setCourseOrganizer.granted").entity(Boolean.class).isEqualTo(true);
        in.put("publish", true);
        String course = center.as().document(CourseFixtures.CREATE).variable("i", in).execute()
                .path("createCourse.errors").entityList(Object.class).hasSize(0)
                .path("createCourse.course.status").entity(String.class).isEqualTo("PUBLISHED")
                .path("createCourse.course.organizer.id").entity(String.class).isEqualTo(center.organizationId())
                .path("createCourse.course.id").entity(String.class).get();
        // The organizer registers people and reads its course's figures; it cannot run the Alliance's courses.
        CourseFixtures.registerOnBehalf(center.as(), course, "Hoàng Thị Dung", "0356789012", "MEMBERS");
        center.as().document("query($id: ID!) { course(id: $id) { figures { registered } } }").variable("id", course).execute()
                .path("course.figures.registered").entity(Integer.class).isEqualTo(1);
        in.remove("organizerOrganizationId");
        center.as().document(CourseFixtures.CREATE).variable("i", in).execute()
                .errors().satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("FORBIDDEN"));
        String alliances = CourseFixtures.create(alliance, CourseFixtures.course("MANAGEMENT_AND_ACCOUNTING",
                "Quản trị và kế toán cho giám đốc HTX", "Thái Nguyên", 40, List.of("MANAGERS"), 9));
        center.as().document(CourseFixtures.PUBLISH).variable("i", Map.of("id", alliances)).execute()
                .errors().satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("FORBIDDEN"));
        // Listed: the partner's published course for everyone; the Alliance's draft only for the Alliance.
        String list = "query($o: ID) { courses(filter: {province: \"Thái Nguyên\", organizerId: $o}, first: 100) { edges { node { id status } } } }";
        anonymous.document(list).variable("o", center.organizationId()).execute()
                .path("courses.edges[*].node.id").entityList(String.class).containsExactly(course);
        anonymous.document(list).variable("o", null).execute()
                .path("courses.edges[*].node.id").entityList(String.class).doesNotContain(alliances).contains(course);
        alliance.document(list).variable("o", null).execute()
                .path("courses.edges[*].node.id").entityList(String.class).contains(alliances, course);
    }

    private HttpGraphQlTester.Response register(HttpGraphQlTester as, Map<String, Object> in) {
        return as.document(CourseFixtures.REGISTER).variable("i", in).execute();
    }

    private HttpGraphQlTester.Response attendance(HttpGraphQlTester as, String course, List<Map<String, Object>> entries) {
        return as.document(CourseFixtures.ATTENDANCE).variable("i", Map.of("courseId", course, "entries", entries)).execute();
    }

    static HttpGraphQlTester in(HttpGraphQlTester as, String language) {
        return as.mutate().header("Accept-Language", language).build();
    }

    private static Map<String, Object> figures(HttpGraphQlTester as, Map<String, Object> filter) {
        return as.document(FIGURES).variable("f", filter).execute().path("courseFigures")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    private static int delta(Map<String, Object> before, Map<String, Object> after, String key) {
        return (Integer) after.get(key) - (Integer) before.get(key);
    }

    private static int audience(Map<String, Object> figures, String audience, String key) {
        return ((List<?>) figures.get("byAudience")).stream().map(m -> (Map<?, ?>) m)
                .filter(m -> audience.equals(m.get("audience"))).map(m -> (Integer) m.get(key)).findFirst().orElseThrow();
    }

    static LocalDate today() {
        return LocalDate.now(VietnamTime.ZONE);
    }
}
