package vn.htxconnect.program.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.TradeEventEnums.Kind;
import vn.htxconnect.program.TradeEventEnums.Status;
import vn.htxconnect.program.TradeEventInput;
import vn.htxconnect.program.TradeEventPayload;
import vn.htxconnect.program.TradeEventService;
import vn.htxconnect.region.ProvinceService;

/** Event reads (signed-in users, and partner keys with {@value #SCOPE}) and the Alliance's event mutations. */
@Controller
class TradeEventController implements NodeResolver {

    static final String SCOPE = "insight:read";

    private final TradeEventService service;
    private final EventQueries queries;
    private final ProvinceService provinces;

    TradeEventController(TradeEventService service, EventQueries queries, ProvinceService provinces) {
        this.service = service;
        this.queries = queries;
        this.provinces = provinces;
    }

    static Actor reader() {
        Access.requireSignedIn();
        return Access.requireScope(SCOPE);
    }

    @QueryMapping
    TradeEvent tradeEvent(@Argument String id) {
        reader();
        return service.findById(GlobalId.decode("id", id, TradeEvent.TYPE))
                .orElseThrow(() -> ApiException.notFound(Message.of("program.event.notFoundId", id)));
    }

    record Filter(String province, Kind kind, LocalDate from, LocalDate to, String organizationId, Status status) {
    }

    @QueryMapping
    Connection<TradeEvent> tradeEvents(@Argument Filter filter, @Argument Integer first, @Argument String after) {
        reader();
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        Filter f = filter == null ? new Filter(null, null, null, null, null, null) : filter;
        String province = provinces.codeOf("filter.province", f.province());
        Long org = f.organizationId() == null ? null
                : GlobalId.decode("filter.organizationId", f.organizationId(), Organization.TYPE);
        Page<TradeEvent> page = queries.list(new EventQueries.Criteria(province, f.kind(), f.from(), f.to(), org, f.status()),
                offset, n);
        return Connection.fromOffset(page.rows(), offset, n, page.total());
    }

    @MutationMapping
    TradeEventPayload createTradeEvent(@Argument TradeEventInput input) {
        return service.create(input);
    }

    @MutationMapping
    TradeEventPayload updateTradeEvent(@Argument TradeEventInput input) {
        return service.update(input);
    }

    record CancelInput(String id, String reason, Long expectedVersion, String clientMutationId) {
    }

    @MutationMapping
    TradeEventPayload cancelTradeEvent(@Argument CancelInput input) {
        return service.cancel(input.id(), input.reason(), input.expectedVersion(), input.clientMutationId());
    }

    @Override
    public String typeName() {
        return TradeEvent.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        Actor a = Access.current();
        return a.signedIn() && a.hasScope(SCOPE) ? service.findById(id) : Optional.empty();
    }
}
