package vn.htxconnect.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Registrations arriving at once: a course is never booked over its capacity, and the same phone registers once,
 * however the requests interleave (each registration locks the course row first).
 */
@IntegrationTest
class CourseConcurrencyTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentRegistrationsNeverExceedCapacity() throws Exception {
        HttpGraphQlTester alliance = CourseFixtures.alliance(anonymous);
        Map<String, Object> in = new java.util.HashMap<>(CourseFixtures.course("MANAGEMENT_AND_ACCOUNTING",
                "Quản trị và kế toán HTX " + TestData.unique("k"), "Cần Thơ", 5, List.of("MANAGERS"), 5));
        in.put("publish", true);
        String course = CourseFixtures.create(alliance, in);
        List<String> codes = race(16, i -> alliance.document(CourseFixtures.REGISTER).variable("i", Map.of("courseId", course,
                "name", "Học viên " + i, "phone", "09%08d".formatted(10_000_000 + i * 7919 + (int) (System.nanoTime() % 1000)),
                "audience", "MANAGERS")).execute());
        assertThat(codes.stream().filter(String::isEmpty)).hasSize(5);
        assertThat(codes.stream().filter(c -> !c.isEmpty())).hasSize(11).allMatch("CONFLICT"::equals);
        long id = GlobalId.decode("id", course).id();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course_registration WHERE course_id = ? AND status = 'REGISTERED'",
                Integer.class, id)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT registered_count FROM course WHERE id = ?", Integer.class, id)).isEqualTo(5);
    }

    @Test
    void theSamePhoneRegistersOnceWhenSentConcurrently() throws Exception {
        HttpGraphQlTester alliance = CourseFixtures.alliance(anonymous);
        Map<String, Object> in = new java.util.HashMap<>(CourseFixtures.course("DIGITAL_TRANSFORMATION",
                "Chuyển đổi số cho HTX " + TestData.unique("k"), "Cần Thơ", 50, List.of("MEMBERS"), 5));
        in.put("publish", true);
        String course = CourseFixtures.create(alliance, in);
        List<String> codes = race(8, i -> alliance.document(CourseFixtures.REGISTER).variable("i", Map.of("courseId", course,
                "name", "Phạm Văn Em", "phone", i % 2 == 0 ? "0988 111 222" : "+84988111222", "audience", "MEMBERS")).execute());
        assertThat(codes.stream().filter(String::isEmpty)).hasSize(1);
        assertThat(codes.stream().filter(c -> !c.isEmpty())).hasSize(7).allMatch("DUPLICATE"::equals);
    }

    /** Runs {@code n} registrations released together; the first error code of each ("" when it succeeded). */
    private static List<String> race(int n, java.util.function.IntFunction<HttpGraphQlTester.Response> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                int k = i;
                results.add(pool.submit(() -> {
                    go.await();
                    HttpGraphQlTester.Response r = call.apply(k);
                    r.errors().verify();
                    List<String> errs = r.path("registerForCourse.errors[*].code").entityList(String.class).get();
                    return errs.isEmpty() ? "" : errs.getFirst();
                }));
            }
            go.countDown();
            List<String> codes = new ArrayList<>();
            for (Future<String> f : results) {
                codes.add(f.get());
            }
            return codes;
        }
    }
}
