package vn.htxconnect.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;

import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.platform.OutboxHandler;

/**
 * Dispatch without a database: each handler gets its types' events of a batch in one call, in handler
 * order; handled events are deleted, failed ones (returned or thrown) retried with backoff without
 * holding back other handlers' events, and events nobody handles are kept and counted.
 */
class OutboxDispatcherTests {

    final Outbox outbox = mock(Outbox.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<String> calls = new ArrayList<>();

    static OutboxEvent event(long id, String type, long aggregateId) {
        return new OutboxEvent(id, type, aggregateId, "changed", 0);
    }

    /** A handler that records its calls and fails on what {@code failing} picks. */
    class Recording implements OutboxHandler {
        final String name;
        final Set<String> types;
        final Function<OutboxBatch, Collection<OutboxEvent>> failing;
        final List<OutboxBatch> batches = new ArrayList<>();

        Recording(String name, Set<String> types, Function<OutboxBatch, Collection<OutboxEvent>> failing) {
            this.name = name;
            this.types = types;
            this.failing = failing;
        }

        @Override
        public Set<String> aggregateTypes() {
            return types;
        }

        @Override
        public Collection<OutboxEvent> handle(OutboxBatch batch) throws IOException {
            calls.add(name);
            batches.add(batch);
            return failing.apply(batch);
        }
    }

    @Order(OutboxHandler.READS_DERIVED_DATA)
    class Reader extends Recording {
        Reader(Function<OutboxBatch, Collection<OutboxEvent>> failing) {
            super("reader", Set.of("product_match"), failing);
        }
    }

    @Order(OutboxHandler.WRITES_DERIVED_DATA)
    class Writer extends Recording {
        Writer(Function<OutboxBatch, Collection<OutboxEvent>> failing) {
            super("writer", Set.of("product", "organization"), failing);
        }
    }

    @SuppressWarnings("unchecked")
    OutboxDispatcher dispatcher(OutboxHandler... handlers) {
        ObjectProvider<MeterRegistry> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable(org.mockito.ArgumentMatchers.any())).thenReturn(meters);
        return new OutboxDispatcher(outbox, List.of(handlers), mock(PlatformTransactionManager.class),
                new OutboxProperties(500, Duration.ofMillis(200), true, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                provider, targets, new OutboxSignal());
    }

    final OutboxTargets targets = new OutboxTargets();

    /** A handler whose target is switched down and up; counts its calls and probes. */
    class Switchable extends Recording {
        volatile boolean up;
        int probes;

        Switchable(boolean up) {
            super("switchable", Set.of("request"), b -> List.of());
            this.up = up;
        }

        @Override
        public Collection<OutboxEvent> handle(OutboxBatch batch) throws IOException {
            calls.add(name);
            if (!up) {
                throw new IOException("Connection refused");
            }
            batches.add(batch);
            return List.of();
        }

        @Override
        public boolean reachable() {
            probes++;
            return up;
        }
    }

    @SuppressWarnings("unchecked")
    Collection<Long> completed() {
        ArgumentCaptor<Collection<Long>> ids = ArgumentCaptor.forClass(Collection.class);
        verify(outbox).complete(ids.capture());
        return ids.getValue();
    }

    @Test
    void eachHandlerGetsItsTypesInOneCallWritersBeforeReaders() {
        Reader reader = new Reader(b -> List.of());
        Writer writer = new Writer(b -> List.of());
        when(outbox.claim(anyInt())).thenReturn(List.of(event(1, "product_match", 7), event(2, "product", 7),
                event(3, "organization", 4), event(4, "product", 8)));

        assertThat(dispatcher(reader, writer).drainOnce()).isEqualTo(4);

        assertThat(calls).containsExactly("writer", "reader");
        assertThat(writer.batches.getFirst().events()).extracting(OutboxEvent::id).containsExactly(2L, 3L, 4L);
        assertThat(writer.batches.getFirst().aggregateIds("product")).containsExactly(7L, 8L);
        assertThat(reader.batches.getFirst().events()).extracting(OutboxEvent::id).containsExactly(1L);
        assertThat(completed()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        verify(outbox, never()).retryLater(anyCollection(), anyString());
        assertThat(meters.counter("htx.outbox.events", "type", "product", "outcome", "handled").count()).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void failedEventsWaitWithBackoffAndDoNotHoldBackOthers() {
        // The writer fails on product 8 only; the reader's target is down altogether.
        Writer writer = new Writer(b -> b.eventsOf("product", List.of(8L)));
        Recording reader = new Recording("reader", Set.of("product_match"), b -> {
            throw new IllegalStateException("Connection refused");
        });
        List<OutboxEvent> claimed = List.of(event(1, "product", 7), event(2, "product", 8), event(3, "product_match", 7));
        when(outbox.claim(anyInt())).thenReturn(claimed);

        dispatcher(writer, reader).drainOnce();

        assertThat(completed()).containsExactly(1L);
        ArgumentCaptor<Collection<OutboxEvent>> retried = ArgumentCaptor.forClass(Collection.class);
        ArgumentCaptor<String> errors = ArgumentCaptor.forClass(String.class);
        verify(outbox, org.mockito.Mockito.times(2)).retryLater(retried.capture(), errors.capture());
        assertThat(retried.getAllValues()).flatExtracting(c -> List.copyOf(c)).extracting(OutboxEvent::id)
                .containsExactlyInAnyOrder(2L, 3L);
        assertThat(errors.getAllValues()).anySatisfy(e -> assertThat(e).contains("Connection refused"));
        assertThat(meters.counter("htx.outbox.events", "type", "product", "outcome", "retried").count()).isEqualTo(1);
        assertThat(meters.counter("htx.outbox.events", "type", "product_match", "outcome", "retried").count()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventsNobodyHandlesAreKeptAndCounted() {
        Writer writer = new Writer(b -> List.of());
        when(outbox.claim(anyInt())).thenReturn(List.of(event(1, "product", 7), event(2, "invoice", 3)));

        dispatcher(writer).drainOnce();

        assertThat(completed()).containsExactly(1L);
        ArgumentCaptor<Collection<OutboxEvent>> kept = ArgumentCaptor.forClass(Collection.class);
        verify(outbox).retryLater(kept.capture(), anyString());
        assertThat(kept.getValue()).extracting(OutboxEvent::id).containsExactly(2L);
        assertThat(meters.counter("htx.outbox.events", "type", "invoice", "outcome", "unhandled").count()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnreachableTargetsEventsAreHeldWithoutAnAttemptAndItIsNotCalledAgainUntilAProbeAnswers() {
        Switchable handler = new Switchable(false);
        Writer writer = new Writer(b -> List.of());
        OutboxDispatcher dispatcher = dispatcher(handler, writer);
        when(outbox.claim(anyInt())).thenReturn(List.of(event(1, "request", 7), event(2, "product", 8)));

        dispatcher.drainOnce();

        // Threw, and the probe failed too: held (attempts untouched), not backed off; the writer is not held back.
        ArgumentCaptor<Collection<OutboxEvent>> held = ArgumentCaptor.forClass(Collection.class);
        ArgumentCaptor<String> error = ArgumentCaptor.forClass(String.class);
        verify(outbox).hold(held.capture(), error.capture(), org.mockito.ArgumentMatchers.eq(Duration.ofSeconds(30)));
        assertThat(held.getValue()).extracting(OutboxEvent::id).containsExactly(1L);
        assertThat(error.getValue()).contains("Switchable").contains("Connection refused");
        verify(outbox, never()).retryLater(anyCollection(), anyString());
        assertThat(completed()).containsExactly(2L);
        assertThat(targets.isDown(handler)).isTrue();
        assertThat(meters.get("htx.outbox.handlers.down").gauge().value()).isEqualTo(1);
        assertThat(meters.counter("htx.outbox.events", "type", "request", "outcome", "held").count()).isEqualTo(1);

        // While down, new events of its types are held without calling it.
        when(outbox.claim(anyInt())).thenReturn(List.of(event(3, "request", 9)));
        dispatcher.drainOnce();
        assertThat(calls.stream().filter("switchable"::equals)).hasSize(1);
        verify(outbox, org.mockito.Mockito.times(2)).hold(anyCollection(), anyString(), org.mockito.ArgumentMatchers.any());

        // Probed at most once per interval: just probed (after the failure), so not again yet.
        int probes = handler.probes;
        dispatcher.probeTargets();
        assertThat(handler.probes).isEqualTo(probes);
        verify(outbox, never()).release(Set.of("request"));
    }

    @Test
    void theFirstAnsweringProbeReleasesTheHeldEventsAndMarksTheHandlerUp() {
        Switchable handler = new Switchable(true);
        OutboxDispatcher dispatcher = dispatcher(handler);
        targets.probed(handler, false, System.currentTimeMillis() - 5_000); // down for 5 s, last probed then
        when(outbox.release(anyCollection())).thenReturn(12);

        dispatcher.probeTargets();

        verify(outbox).release(Set.of("request"));
        assertThat(targets.isDown(handler)).isFalse();
        assertThat(meters.get("htx.outbox.handlers.down").gauge().value()).isZero();
        when(outbox.claim(anyInt())).thenReturn(List.of(event(5, "request", 1)));
        dispatcher.drainOnce();
        assertThat(handler.batches).hasSize(1);
        assertThat(completed()).containsExactly(5L);
        // Up: no more probes.
        dispatcher.probeTargets();
        assertThat(handler.probes).isEqualTo(1);
    }

    @Test
    void aHandlerThatThrowsWhileItsTargetAnswersKeepsPerEventBackoff() {
        // A throw the probe contradicts (a bug, a poison batch) is not an outage: back off as before.
        Switchable handler = new Switchable(true) {
            @Override
            public Collection<OutboxEvent> handle(OutboxBatch batch) {
                throw new IllegalStateException("cannot map document");
            }
        };
        when(outbox.claim(anyInt())).thenReturn(List.of(event(1, "request", 7)));
        dispatcher(handler).drainOnce();
        verify(outbox).retryLater(org.mockito.ArgumentMatchers.argThat(c -> c.size() == 1),
                org.mockito.ArgumentMatchers.contains("cannot map document"));
        verify(outbox, never()).hold(anyCollection(), anyString(), org.mockito.ArgumentMatchers.any());
        assertThat(targets.isDown(handler)).isFalse();
    }

    @Test
    void aHandlerDownForLongerThanTheHoldGetsOneTrialBatchAndItsSuccessBringsItBack() {
        // A probe that wrongly keeps saying no must not keep the events from a working target for ever.
        Switchable handler = new Switchable(true) {
            @Override
            public boolean reachable() {
                probes++;
                return false;
            }
        };
        OutboxDispatcher dispatcher = dispatcher(handler);
        long now = System.currentTimeMillis();
        targets.probed(handler, false, now - 31_000);
        when(outbox.claim(anyInt())).thenReturn(List.of(event(1, "request", 7)));

        dispatcher.drainOnce();

        assertThat(handler.batches).hasSize(1);
        assertThat(completed()).containsExactly(1L);
        assertThat(targets.isDown(handler)).isFalse();
        verify(outbox).release(Set.of("request"));
    }

    @Test
    void aTrialIsOnePerHold() {
        Switchable handler = new Switchable(false);
        OutboxDispatcher dispatcher = dispatcher(handler);
        targets.probed(handler, false, System.currentTimeMillis() - 31_000);
        when(outbox.claim(anyInt())).thenReturn(List.of(event(1, "request", 7)));
        dispatcher.drainOnce();
        dispatcher.drainOnce();
        // The trial failed (and the probe too): held, and the next pass does not try again.
        assertThat(calls).containsExactly("switchable");
        assertThat(targets.isDown(handler)).isTrue();
        verify(outbox, org.mockito.Mockito.times(2)).hold(anyCollection(), anyString(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void atStartEveryHandlerIsProbedOnceAndWhatAnEarlierRunHeldIsReleased() {
        Switchable up = new Switchable(true);
        Writer writer = new Writer(b -> List.of());
        OutboxDispatcher dispatcher = dispatcher(up, writer);
        dispatcher.probeTargets();
        verify(outbox).release(Set.of("request"));
        verify(outbox).release(Set.of("product", "organization"));
        dispatcher.probeTargets();
        assertThat(up.probes).isEqualTo(1);
    }

    @Test
    void aTypeHasOneHandler() {
        assertThatThrownBy(() -> dispatcher(new Writer(b -> List.of()),
                new Recording("other", Set.of("organization"), b -> List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("organization");
    }

    @Test
    void anEmptyOutboxCallsNoHandler() {
        Writer writer = new Writer(b -> List.of());
        when(outbox.claim(anyInt())).thenReturn(List.of());
        assertThat(dispatcher(writer).drainOnce()).isZero();
        assertThat(calls).isEmpty();
        verify(outbox, never()).complete(anyCollection());
    }
}
