package vn.htxconnect.program;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The program module's API for its controllers and other modules (insight reports). */
public interface TradeEventService {

    /** The Alliance's analysts and admins create events. */
    TradeEventPayload create(TradeEventInput input);

    TradeEventPayload update(TradeEventInput input);

    TradeEventPayload cancel(String id, String reason, Long expectedVersion, String clientMutationId);

    Optional<TradeEvent> findById(long id);

    /** One SQL statement whatever the number of IDs. */
    Map<Long, TradeEvent> findByIds(Collection<Long> ids);

    /** The outcomes of each event, in a constant number of SQL statements whatever the number of events. */
    Map<Long, TradeEventOutcomes> outcomes(Collection<TradeEvent> events);
}
