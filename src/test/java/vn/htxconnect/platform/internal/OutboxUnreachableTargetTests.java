package vn.htxconnect.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.platform.OutboxHandler;
import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.IntegrationTest;

/**
 * The real dispatcher against MySQL with a handler whose target this test switches down and up (the
 * shared Elasticsearch cannot be stopped): a backlog written during an outage drains within seconds of
 * the target answering, however far the events had been pushed out; the target is not hammered while
 * down; an event the target keeps refusing still backs off on its own; two dispatchers in parallel
 * handle every event exactly once.
 */
@IntegrationTest
@Import(OutboxUnreachableTargetTests.SwitchableTarget.class)
// Its own database: only this context's dispatchers drain it, and only this context has the test handler.
@TestPropertySource(properties = {
        "spring.datasource.url=" + DedicatedDatabase.URL + "outboxdown" + DedicatedDatabase.OPTIONS})
class OutboxUnreachableTargetTests {

    static final String TYPE = "test_target";

    /** A target that answers or not as the test says; counts what reached it. */
    static class SwitchableTarget implements OutboxHandler {
        volatile boolean up = true;
        final Set<Long> poison = ConcurrentHashMap.newKeySet();
        final Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
        final List<Long> refusals = new CopyOnWriteArrayList<>();
        final AtomicInteger callsWhileDown = new AtomicInteger();
        final AtomicInteger probes = new AtomicInteger();

        @Override
        public Set<String> aggregateTypes() {
            return Set.of(TYPE);
        }

        @Override
        public Collection<OutboxEvent> handle(OutboxBatch batch) throws IOException {
            if (!up) {
                callsWhileDown.incrementAndGet();
                throw new IOException("Connection refused (test target down)");
            }
            List<OutboxEvent> refused = new ArrayList<>();
            for (OutboxEvent e : batch.events()) {
                if (poison.contains(e.aggregateId())) {
                    refusals.add(System.nanoTime());
                    refused.add(e);
                } else {
                    handled.computeIfAbsent(e.aggregateId(), k -> new AtomicInteger()).incrementAndGet();
                }
            }
            return refused;
        }

        @Override
        public boolean reachable() {
            probes.incrementAndGet();
            return up;
        }

        void reset() {
            up = true;
            poison.clear();
            handled.clear();
            refusals.clear();
            callsWhileDown.set(0);
            probes.set(0);
        }
    }

    @Autowired
    SwitchableTarget target;
    @Autowired
    OutboxTargets targets;
    @Autowired
    Outbox outbox;
    @Autowired
    List<OutboxHandler> handlers;
    @Autowired
    OutboxProperties properties;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void reset() {
        target.reset();
        jdbc.update("DELETE FROM outbox_event WHERE aggregate_type = ?", TYPE);
        await(Duration.ofSeconds(5), () -> !targets.isDown(target));
    }

    @Test
    void aBacklogFromALongOutageDrainsWithinSecondsOfTheTargetAnswering() throws Exception {
        // An event the target keeps refusing, already far into its own backoff.
        long poison = 1_000_000;
        target.poison.add(poison);
        enqueue(List.of(poison));
        await(Duration.ofSeconds(5), () -> attempts(poison) >= 1);
        jdbc.update("UPDATE outbox_event SET attempts = 10, available_at = TIMESTAMPADD(MINUTE, 10, CURRENT_TIMESTAMP(6))"
                + " WHERE aggregate_type = ? AND aggregate_id = ?", TYPE, poison);

        // The target goes away; the first write finds out.
        target.up = false;
        enqueue(List.of(1L));
        await(Duration.ofSeconds(5), () -> targets.isDown(target));

        // Writes keep coming during the outage, and a second instance starts draining too.
        AtomicBoolean running = new AtomicBoolean(true);
        SimpleMeterRegistry otherMeters = new SimpleMeterRegistry();
        @SuppressWarnings("unchecked")
        ObjectProvider<MeterRegistry> provider = org.mockito.Mockito.mock(ObjectProvider.class);
        org.mockito.Mockito.when(provider.getIfAvailable(org.mockito.ArgumentMatchers.any())).thenReturn(otherMeters);
        OutboxDispatcher other = new OutboxDispatcher(outbox, handlers, transactions, properties, provider, new OutboxTargets(),
                new OutboxSignal());
        Thread second = Thread.ofPlatform().name("second-instance").start(() -> {
            while (running.get()) {
                other.poll();
                sleep(50);
            }
        });
        int probesBefore = target.probes.get();
        long outageStart = System.nanoTime();
        for (int chunk = 0; chunk < 10; chunk++) {
            long from = 2 + chunk * 200L;
            enqueue(LongStream.range(from, from + 200).boxed().toList());
            sleep(300);
        }
        await(Duration.ofSeconds(10), () -> due() == 0);
        double outageSeconds = (System.nanoTime() - outageStart) / 1e9;
        // Not hammered: only the first call of each instance reached the target; about a probe a second each.
        assertThat(target.callsWhileDown.get()).isBetween(1, 2);
        assertThat(target.probes.get() - probesBefore).isLessThanOrEqualTo((int) Math.ceil(outageSeconds * 2) + 4);
        assertThat(target.handled).isEmpty();
        // Nothing lost, nothing counted as the events' own failure.
        assertThat(pending()).isEqualTo(2_002);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE aggregate_type = ? AND attempts > 0"
                + " AND aggregate_id <> ?", Long.class, TYPE, poison)).isZero();

        // As if the outage had lasted minutes: every held event pushed far out, with many attempts.
        jdbc.update("UPDATE outbox_event SET attempts = 8, available_at = TIMESTAMPADD(MINUTE, 5, CURRENT_TIMESTAMP(6))"
                + " WHERE aggregate_type = ? AND aggregate_id <> ?", TYPE, poison);

        long back = System.nanoTime();
        target.up = true;
        await(Duration.ofSeconds(15), () -> pending() == 1);
        double drained = (System.nanoTime() - back) / 1e9;
        running.set(false);
        second.join(10_000);
        System.out.printf("OUTBOX RECOVERY: 2,001 held events drained %.2f s after the target answered again%n", drained);

        assertThat(drained).isLessThanOrEqualTo(5.0);
        // Every event handled exactly once, by one of the two dispatchers.
        assertThat(target.handled.keySet()).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 2_001).boxed().toList());
        assertThat(target.handled.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        // The refused event stays in its own backoff: not released with the others, not tried again.
        assertThat(target.refusals).hasSize(1);
        assertThat(attempts(poison)).isEqualTo(10);
        Timestamp poisonDue = jdbc.queryForObject("SELECT available_at FROM outbox_event WHERE aggregate_type = ?"
                + " AND aggregate_id = ?", Timestamp.class, TYPE, poison);
        assertThat(poisonDue.toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(9)));
        assertThat(targets.isDown(target)).isFalse();
    }

    @Test
    void theElasticsearchHandlersProbeTheRealClusterAndAreUp() {
        List<OutboxHandler> elasticsearch = handlers.stream().filter(h -> h != target).toList();
        assertThat(elasticsearch).extracting(OutboxDispatcher::name)
                .contains("ProductIndexHandler", "RequestIndexer", "MatchDiscoveryHandler");
        assertThat(elasticsearch).allSatisfy(h -> assertThat(h.reachable()).as(OutboxDispatcher.name(h)).isTrue());
        await(Duration.ofSeconds(5), () -> targets.down().isEmpty());
    }

    @Test
    void anEventTheTargetKeepsRefusingBacksOffOnItsOwnWhileTheOthersAreHandled() {
        long poison = 2_000_000;
        target.poison.add(poison);
        enqueue(List.of(10L, poison, 11L, 12L));
        await(Duration.ofSeconds(5), () -> target.handled.size() == 3);
        sleep(4_500);

        // Refused at about 0 s, 1 s and 3 s (backoff 1 s, then 2 s; the next is due at 7 s).
        List<Long> refusals = List.copyOf(target.refusals);
        assertThat(refusals).hasSizeBetween(2, 3);
        assertThat(attempts(poison)).isEqualTo(refusals.size());
        assertThat((refusals.get(1) - refusals.get(0)) / 1e9).isGreaterThanOrEqualTo(0.9);
        if (refusals.size() == 3) {
            assertThat((refusals.get(2) - refusals.get(1)) / 1e9).isGreaterThanOrEqualTo(1.9);
        }
        // A refusal is not an outage: the target is not marked down and the others went through.
        assertThat(targets.isDown(target)).isFalse();
        assertThat(target.handled.keySet()).containsExactlyInAnyOrder(10L, 11L, 12L);
        assertThat(jdbc.queryForObject("SELECT last_error FROM outbox_event WHERE aggregate_type = ?", String.class, TYPE))
                .doesNotStartWith(Outbox.UNREACHABLE);
        assertThat(pending()).isEqualTo(1);
    }

    private void enqueue(List<Long> ids) {
        tx.executeWithoutResult(s -> outbox.enqueueAll(TYPE, ids, "changed"));
    }

    private long pending() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE aggregate_type = ?", Long.class, TYPE);
    }

    private long due() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE aggregate_type = ?"
                + " AND available_at <= CURRENT_TIMESTAMP(6)", Long.class, TYPE);
    }

    private int attempts(long aggregateId) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(attempts), -1) FROM outbox_event WHERE aggregate_type = ?"
                + " AND aggregate_id = ?", Integer.class, TYPE, aggregateId);
    }

    private static void await(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within %s", limit).isLessThan(end);
            sleep(25);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
