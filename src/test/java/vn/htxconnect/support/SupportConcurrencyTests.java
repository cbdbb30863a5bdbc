package vn.htxconnect.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

/**
 * Approvals and disbursements arriving at once never take a programme over its budget (each locks the programme
 * row first, checks and moves the running sums in the same transaction).
 */
@IntegrationTest
class SupportConcurrencyTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentApprovalsNeverExceedTheBudget() throws Exception {
        HttpGraphQlTester alliance = CourseFixtures.alliance(anonymous);
        // 100 million fits three approvals of 30 million, not four.
        String program = SupportFixtures.program(alliance, "GRANT", 100_000_000L, 30_000_000L);
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            apps.add(SupportFixtures.applied(CourseFixtures.register(anonymous, "COOPERATIVE", "HTX ", "Sơn La", null), program, 30_000_000L));
        }
        List<List<String>> results = race(apps.size(), i -> SupportFixtures.review(alliance, apps.get(i), "APPROVE", 30_000_000L, null));
        assertThat(results.stream().filter(List::isEmpty)).hasSize(3);
        assertThat(results.stream().filter(r -> !r.isEmpty())).hasSize(7).allMatch(r -> r.equals(List.of("amountVnd:CONFLICT")));
        long id = GlobalId.decode("id", program).id();
        assertThat(jdbc.queryForObject("SELECT committed_vnd FROM support_program WHERE id = ?", Long.class, id)).isEqualTo(90_000_000L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_application WHERE program_id = ? AND status = 'APPROVED'",
                Integer.class, id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_application_event e JOIN support_application a ON a.id = e.application_id "
                + "WHERE a.program_id = ? AND e.kind = 'APPROVED'", Integer.class, id)).isEqualTo(3);
    }

    @Test
    void concurrentDisbursementsNeverExceedTheApprovedAmount() throws Exception {
        HttpGraphQlTester alliance = CourseFixtures.alliance(anonymous);
        String program = SupportFixtures.program(alliance, "PREFERENTIAL_LOAN", 100_000_000L, 50_000_000L);
        String app = SupportFixtures.applied(CourseFixtures.register(anonymous, "COOPERATIVE", "HTX ", "Sơn La", null), program, 50_000_000L);
        SupportFixtures.review(alliance, app, "APPROVE", 50_000_000L, null).path("reviewSupportApplication.errors").entityList(Object.class)
                .hasSize(0);
        java.time.LocalDate today = java.time.LocalDate.now(vn.htxconnect.platform.VietnamTime.ZONE);
        List<List<String>> results = race(8, i -> SupportFixtures.pay(alliance, SupportFixtures.DISBURSE, app, 20_000_000L, today));
        assertThat(results.stream().filter(List::isEmpty)).hasSize(2);
        assertThat(results.stream().filter(r -> !r.isEmpty())).hasSize(6).allMatch(r -> r.equals(List.of("amountVnd:OUT_OF_RANGE")));
        long id = GlobalId.decode("id", program).id();
        assertThat(jdbc.queryForObject("SELECT disbursed_vnd FROM support_program WHERE id = ?", Long.class, id)).isEqualTo(40_000_000L);
    }

    /** Runs {@code n} calls released together; each one's errors as field:code (empty when it succeeded). */
    private static List<List<String>> race(int n, java.util.function.IntFunction<HttpGraphQlTester.Response> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                int k = i;
                results.add(pool.submit(() -> {
                    go.await();
                    HttpGraphQlTester.Response r = call.apply(k);
                    String payload = r.returnResponse().getData() instanceof java.util.Map<?, ?> m ? (String) m.keySet().iterator().next() : "";
                    return SupportFixtures.errors(r, payload);
                }));
            }
            go.countDown();
            List<List<String>> out = new ArrayList<>();
            for (Future<List<String>> f : results) {
                out.add(f.get());
            }
            return out;
        }
    }
}
