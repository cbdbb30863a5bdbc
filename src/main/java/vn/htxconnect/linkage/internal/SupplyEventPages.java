package vn.htxconnect.linkage.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.htxconnect.platform.Connection;

/**
 * Pages of events for every linkage of a response: one SQL statement for the rows and one for the
 * counts, per distinct paging arguments (normally one), so a list of linkages with their events is no N+1.
 */
@Component
class SupplyEventPages {

    static final String NAME = "supplyLinkageEvents";

    /** A page of one linkage's events, newest first. */
    record Key(long linkageId, int offset, int size) {
    }

    private record Group(int offset, int size) {
    }

    private final SupplyEventStore store;

    SupplyEventPages(BatchLoaderRegistry registry, SupplyEventStore store) {
        this.store = store;
        registry.<Key, Connection<SupplyEvent>>forName(NAME)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> load(keys)));
    }

    private Map<Key, Connection<SupplyEvent>> load(Set<Key> keys) {
        Map<Key, Connection<SupplyEvent>> pages = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(k -> new Group(k.offset(), k.size()))).forEach((g, members) -> {
            List<Long> ids = members.stream().map(Key::linkageId).distinct().toList();
            // One row more than the page tells whether a next page exists.
            Map<Long, List<SupplyEvent>> rows = store.pages(ids, g.offset(), g.size() + 1);
            Map<Long, Long> counts = store.counts(ids);
            for (Key k : members) {
                pages.put(k, Connection.fromOffset(rows.getOrDefault(k.linkageId(), List.of()), k.offset(), k.size(),
                        counts.getOrDefault(k.linkageId(), 0L)));
            }
        });
        return pages;
    }
}
