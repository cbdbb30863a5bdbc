package vn.htxconnect.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * The budgets kept in MySQL: two stores over one database (as two instances) share a caller's budget, refunds
 * come back, buckets untouched for long are deleted in batches, and what a take and a refund cost in time.
 */
@IntegrationTest
class RateBudgetsTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private RateBudgets budgets(int budget, int refillPerSecond) {
        return budgets(budget, refillPerSecond, 0);
    }

    private RateBudgets budgets(int budget, int refillPerSecond, long unsynchronizedPoints) {
        return new RateBudgets(new LimitsProperties(16, 10000, 30, 20000, 5000, budget, refillPerSecond,
                Duration.ofSeconds(10)), dataSource, unsynchronizedPoints);
    }

    @Test
    void twoInstancesShareOneBudgetAndRefundsComeBack() {
        RateBudgets a = budgets(1000, 1);
        RateBudgets b = budgets(1000, 1);
        String caller = TestData.unique("user:");
        assertThat(a.take(caller, 600).granted()).isTrue();
        RateBudgets.Result refused = b.take(caller, 600);
        assertThat(refused.granted()).as("the other instance sees what the first took").isFalse();
        assertThat(refused.remaining()).isBetween(400L, 410L);
        // 200 more are needed at one point a second.
        assertThat(refused.retryAfterSeconds()).isBetween(190L, 200L);
        a.refund(caller, 300);
        // Written off the request's thread, soon.
        await().atMost(Duration.ofSeconds(10)).until(() -> b.take(caller, 1).remaining() >= 690);
        RateBudgets.Result granted = b.take(caller, 600);
        assertThat(granted.granted()).as("the refund on the first instance counts on the second").isTrue();
        assertThat(granted.remaining()).isBetween(90L, 115L);
        // Never above the budget, and a request over the whole budget is refused with a finite wait.
        a.refund(caller, 5000);
        a.flushRefunds();
        assertThat(b.take(caller, 1000).granted()).isTrue();
        RateBudgets.Result tooMuch = b.take(caller, 2000);
        assertThat(tooMuch.granted()).isFalse();
        assertThat(tooMuch.retryAfterSeconds()).isBetween(1L, 2000L);
        // Other limits (another configuration) are another bucket, not this one.
        assertThat(budgets(5000, 1).take(caller, 4000).granted()).isTrue();
    }

    @Test
    void withUnsynchronizedPointsAnInstanceOverspendsByAtMostThatMuch() {
        RateBudgets a = budgets(1000, 1, 100);
        RateBudgets b = budgets(1000, 1, 100);
        String caller = TestData.unique("user:");
        int granted = 0;
        for (int i = 0; i < 200; i++) {
            if ((i % 2 == 0 ? a : b).take(caller, 10).granted()) {
                granted++;
            }
        }
        // 2000 points asked of a 1000 budget: all of it is granted, and beyond it at most 100 per instance (and a
        // little refill) taken from a copy the other had not yet written to.
        assertThat(granted * 10).isBetween(1000, 1000 + 2 * 100 + 20);
    }

    @Test
    void bucketsUntouchedForLongAreDeletedInBatches() {
        RateBudgets budgets = budgets(1000, 100);
        String prefix = TestData.unique("cleanup-");
        for (int i = 0; i < 1500; i++) {
            budgets.take(prefix + i, 1);
        }
        String fresh = TestData.unique("fresh-");
        budgets.take(fresh, 1);
        // As if those had been full for longer than kept (the fresh one is not touched).
        jdbc.update("UPDATE rate_budget SET expires_at = 1 WHERE id LIKE ?", "%" + prefix + "%");
        budgets.removeExpired();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rate_budget WHERE id LIKE ?", Integer.class, "%" + prefix + "%"))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rate_budget WHERE id LIKE ?", Integer.class, "%" + fresh))
                .isOne();
        // A deleted bucket was full: the caller starts again with the whole budget.
        assertThat(budgets.take(prefix + 1, 1000).granted()).isTrue();
    }

    /**
     * Not a pass/fail timing: prints what the shared budget adds to a request (the take it waits for), for the
     * README; and what a caller that sends requests back to back waits, its previous refund often still owed.
     */
    @Test
    void costOfATakeAndARefund() {
        RateBudgets budgets = budgets(1_000_000, 100);
        String prefix = TestData.unique("user:");
        for (int i = 0; i < 200; i++) {
            budgets.take(prefix + (i % 50), 21);
        }
        int n = 1000;
        long takes = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            assertThat(budgets.take(prefix + (i % 50), 21).granted()).isTrue();
            takes += System.nanoTime() - t0;
        }
        long backToBack = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            assertThat(budgets.take(prefix, 21).granted()).isTrue();
            budgets.refund(prefix, 5);
            backToBack += System.nanoTime() - t0;
        }
        // Yardsticks on the same connection pool at the same moment (the machine may be busy): a primary-key
        // read, and the single-statement alternative to Bucket4j's transaction (one autocommitted UPDATE).
        jdbc.update("INSERT IGNORE INTO rate_budget (id, expires_at) VALUES (?, 0)", prefix + "-yardstick");
        long reads = 0;
        long updates = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            jdbc.queryForObject("SELECT expires_at FROM rate_budget WHERE id = ?", Long.class, prefix + "-yardstick");
            long t1 = System.nanoTime();
            jdbc.update("UPDATE rate_budget SET expires_at = expires_at + 1 WHERE id = ?", prefix + "-yardstick");
            reads += t1 - t0;
            updates += System.nanoTime() - t1;
        }
        // With htx.limits.unsynchronized-points: most takes are served from the instance's copy.
        RateBudgets delayed = budgets(1_000_000, 100, 500);
        long delayedTakes = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            assertThat(delayed.take(prefix + (i % 50), 21).granted()).isTrue();
            delayed.refund(prefix + (i % 50), 5);
            delayedTakes += System.nanoTime() - t0;
        }
        delayed.flushRefunds();
        System.out.printf("RateBudgets, unsynchronized-points=500: mean take + refund %.3f ms%n", delayedTakes / 1e6 / n);
        System.out.printf("RateBudgets over MySQL: mean take %.3f ms; one caller back to back, take + refund %.3f ms;"
                + " yardsticks: primary-key SELECT %.3f ms, autocommitted primary-key UPDATE %.3f ms (%d calls each)%n",
                takes / 1e6 / n, backToBack / 1e6 / n, reads / 1e6 / n, updates / 1e6 / n, n);
        budgets.flushRefunds();
        assertThat(budgets.take(prefix, 1).remaining()).isLessThan(1_000_000L);
    }
}
