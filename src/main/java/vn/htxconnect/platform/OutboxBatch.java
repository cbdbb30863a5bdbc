package vn.htxconnect.platform;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The events of one claimed batch that belong to one {@link OutboxHandler}, in claim order. */
public record OutboxBatch(List<OutboxEvent> events) {

    public OutboxBatch {
        events = List.copyOf(events);
    }

    /** The distinct IDs of the aggregates of one type that changed, in claim order. */
    public Set<Long> aggregateIds(String aggregateType) {
        Set<Long> ids = new LinkedHashSet<>();
        events.stream().filter(e -> e.aggregateType().equals(aggregateType)).forEach(e -> ids.add(e.aggregateId()));
        return ids;
    }

    /** The events of one type about these aggregates: what to retry when their handling failed. */
    public List<OutboxEvent> eventsOf(String aggregateType, Collection<Long> aggregateIds) {
        Set<Long> wanted = Set.copyOf(aggregateIds);
        return events.stream().filter(e -> e.aggregateType().equals(aggregateType) && wanted.contains(e.aggregateId()))
                .toList();
    }
}
