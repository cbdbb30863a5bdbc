package vn.htxconnect.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** The demo courses and applications pass the services' validation: two courses held, two open; applications in four states. */
@IntegrationTest
class DemoCoursesTests {

    @Autowired
    DemoCourses demo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.graphql.test.tester.HttpGraphQlTester anonymous;

    @Test
    void demoCoursesLoadThroughTheServices() {
        // Cooperatives to send managers (the shared test database may have none yet).
        for (int i = 0; i < 4; i++) {
            TestData.createOrganization(anonymous, TestData.unique("HTX demo "), "COOPERATIVE", "Cần Thơ");
        }
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM course", Long.class);
        assertThat(demo.loadCourses()).isEqualTo(4);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT c.title, c.status, c.starts_at < CURRENT_TIMESTAMP(6) AS held, c.registered_count,
                  (SELECT COUNT(*) FROM course_registration r WHERE r.course_id = c.id AND r.attended) AS attended,
                  (SELECT COUNT(*) FROM course_registration r WHERE r.course_id = c.id AND r.completed) AS completed
                FROM course c WHERE c.id > ? ORDER BY c.id""", before);
        assertThat(rows).hasSize(4).allMatch(r -> "PUBLISHED".equals(r.get("status")));
        Map<String, Object> law = rows.getFirst();
        assertThat(law.get("title")).isEqualTo("Tập huấn Luật Hợp tác xã 2023 cho thanh niên khởi nghiệp");
        assertThat(((Number) law.get("held")).intValue()).isEqualTo(1);
        assertThat(((Number) law.get("registered_count")).intValue()).isEqualTo(30);
        assertThat(((Number) law.get("attended")).intValue()).isEqualTo(26);
        assertThat(((Number) law.get("completed")).intValue()).isEqualTo(22);
        assertThat(((Number) rows.get(1).get("attended")).intValue()).isPositive();
        assertThat(((Number) rows.get(2).get("held")).intValue()).isZero();
        // The loan programme's four applications, one in each state, with two instalments and a repayment.
        Long program = jdbc.queryForObject("SELECT MAX(id) FROM support_program WHERE name = 'Cho vay vốn lưu động từ Quỹ hỗ trợ phát triển HTX'",
                Long.class);
        assertThat(jdbc.queryForList("SELECT status FROM support_application WHERE program_id = ? ORDER BY id", String.class, program))
                .containsExactly("APPROVED", "INFO_REQUESTED", "REJECTED", "SUBMITTED");
        assertThat(jdbc.queryForMap("SELECT committed_vnd, disbursed_vnd FROM support_program WHERE id = ?", program))
                .containsEntry("committed_vnd", 500_000_000L).containsEntry("disbursed_vnd", 500_000_000L);
        assertThat(jdbc.queryForObject("SELECT repaid_vnd FROM support_application WHERE program_id = ? AND status = 'APPROVED'",
                Long.class, program)).isEqualTo(25_000_000L);
    }
}
