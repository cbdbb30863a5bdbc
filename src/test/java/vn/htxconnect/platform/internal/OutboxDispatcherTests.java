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
                new OutboxProperties(500, Duration.ofMillis(200), true), provider);
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
