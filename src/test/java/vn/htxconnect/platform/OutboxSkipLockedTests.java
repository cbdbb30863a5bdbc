package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.testing.IntegrationTest;

/**
 * The outbox claim must skip rows another transaction holds instead of waiting for them: that is
 * what lets several instances drain the outbox in parallel. On MariaDB, Hibernate's MySQL 5.5
 * dialect would silently drop SKIP LOCKED, so this runs the real SQL against the real server.
 */
@IntegrationTest
// Its own database: emptying the outbox must not drop the pending index updates of other test classes.
@TestPropertySource(properties = {
        "htx.outbox.enabled=false",
        "spring.datasource.url=" + vn.htxconnect.testing.DedicatedDatabase.URL + "outbox"
                + vn.htxconnect.testing.DedicatedDatabase.OPTIONS})
class OutboxSkipLockedTests {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM outbox_event");
    }

    @Test
    void secondClaimerGetsOtherRowsWithoutWaiting() throws Exception {
        tx.executeWithoutResult(s -> {
            for (long i = 1; i <= 6; i++) {
                outbox.enqueue("test", i, "created");
            }
        });
        CountDownLatch firstHoldsLocks = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Own threads: the common pool may have a single worker on a small machine.
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<List<OutboxEvent>> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            List<OutboxEvent> claimed = outbox.claim(3);
            firstHoldsLocks.countDown();
            await(release);
            return claimed;
        }), threads);
        assertThat(firstHoldsLocks.await(10, TimeUnit.SECONDS)).isTrue();
        // While the first transaction still holds its three rows, a second one must not block on them.
        CompletableFuture<List<OutboxEvent>> second = CompletableFuture.supplyAsync(() -> tx.execute(s -> outbox.claim(10)),
                threads);
        List<OutboxEvent> secondClaimed = second.get(10, TimeUnit.SECONDS);
        release.countDown();
        List<OutboxEvent> firstClaimed = first.get(10, TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(firstClaimed).extracting(OutboxEvent::aggregateId).containsExactly(1L, 2L, 3L);
        assertThat(secondClaimed).extracting(OutboxEvent::aggregateId).containsExactly(4L, 5L, 6L);
    }

    @Test
    void failedEventsComeBackAfterBackoffAndCompletedOnesAreGone() {
        tx.executeWithoutResult(s -> outbox.enqueueAll("test", List.of(10L, 11L), "created"));
        tx.executeWithoutResult(s -> {
            List<OutboxEvent> claimed = outbox.claim(10);
            assertThat(claimed).hasSize(2);
            outbox.complete(List.of(claimed.get(0).id()));
            outbox.retryLater(List.of(claimed.get(1)), "Elasticsearch down");
        });
        // Backed off: not due yet, but still there (nothing lost).
        List<OutboxEvent> none = tx.execute(s -> outbox.claim(10));
        assertThat(none).isEmpty();
        assertThat(outbox.backlog().pending()).isEqualTo(1);
        assertThat(outbox.backlog().maxAttempts()).isEqualTo(1);
        jdbc.update("UPDATE outbox_event SET available_at = CURRENT_TIMESTAMP(6)");
        List<OutboxEvent> again = tx.execute(s -> outbox.claim(10));
        assertThat(again).extracting(OutboxEvent::aggregateId).containsExactly(11L);
        assertThat(again.getFirst().attempts()).isEqualTo(1);
    }

    @Test
    void enqueueOutsideATransactionIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.enqueue("test", 1, "created"))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void backoffGrowsAndIsCapped() {
        assertThat(Outbox.backoff(1)).hasSeconds(1);
        assertThat(Outbox.backoff(2)).hasSeconds(2);
        assertThat(Outbox.backoff(5)).hasSeconds(16);
        assertThat(Outbox.backoff(50)).isEqualTo(Outbox.MAX_BACKOFF);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
