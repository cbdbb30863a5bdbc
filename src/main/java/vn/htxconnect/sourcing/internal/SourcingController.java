package vn.htxconnect.sourcing.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.sourcing.SourcingEnums.Status;
import vn.htxconnect.sourcing.SourcingEnums.Visibility;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.sourcing.SourcingRequestInput;
import vn.htxconnect.sourcing.SourcingRequestPayload;
import vn.htxconnect.sourcing.SourcingService;

@Controller
class SourcingController implements NodeResolver {

    static final String SCOPE = "sourcing:read";

    private final SourcingService service;
    private final SourcingQueries queries;
    private final OrganizationService organizations;
    private final CategoryService categories;
    private final ProvinceService provinces;

    SourcingController(SourcingService service, SourcingQueries queries, OrganizationService organizations,
                       CategoryService categories, ProvinceService provinces) {
        this.service = service;
        this.queries = queries;
        this.organizations = organizations;
        this.categories = categories;
        this.provinces = provinces;
    }

    /** Buyer members and the Alliance are parties: they see everything; others see a redacted copy, if anything. */
    static boolean party(Actor a, SourcingRequest r) {
        return a.isAlliance() || (r.buyerOrganizationId() != null && a.memberOf(r.buyerOrganizationId()));
    }

    static boolean invited(Actor a, SourcingRequest r) {
        return r.visibility() == Visibility.PUBLIC || r.invitedOrganizationIds().stream().anyMatch(a::memberOf);
    }

    /** What the actor may see of a request: all, the redacted copy, or nothing. */
    static SourcingRequest view(Actor a, SourcingRequest r) {
        if (party(a, r)) {
            return r;
        }
        return r.acceptingOffers() && invited(a, r) ? r.redacted() : null;
    }

    @QueryMapping
    SourcingRequest sourcingRequest(@Argument String id) {
        Access.requireSignedIn();
        Actor a = Access.requireScope(SCOPE);
        SourcingRequest r = service.findById(GlobalId.decode("id", id, SourcingRequest.TYPE)).map(x -> view(a, x)).orElse(null);
        if (r == null) {
            throw ApiException.notFound(Message.of("sourcing.request.notFoundId", id));
        }
        return r;
    }

    record OwnFilter(String buyerOrganizationId, Status status, String category) {
    }

    record OpenFilter(String category, String deliveryProvince) {
    }

    @QueryMapping
    Connection<SourcingRequest> mySourcingRequests(@Argument OwnFilter filter, @Argument Integer first, @Argument String after) {
        Actor a = Access.requireUser();
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        Set<Long> orgs;
        if (filter != null && filter.buyerOrganizationId() != null) {
            long org = GlobalId.decode("filter.buyerOrganizationId", filter.buyerOrganizationId(), Organization.TYPE);
            Access.requireMember(org);
            orgs = Set.of(org);
        } else {
            orgs = a.memberships().keySet();
        }
        if (orgs.isEmpty()) {
            return Connection.fromOffset(List.of(), offset, n, 0);
        }
        SourcingQueries.Page page = queries.own(orgs, filter == null ? null : filter.status(),
                categories.codesUnder("filter.category", filter == null ? null : filter.category()), offset, n);
        return Connection.fromOffset(page.rows(), offset, n, page.total());
    }

    @QueryMapping
    Connection<SourcingRequest> openSourcingRequests(@Argument OpenFilter filter, @Argument Integer first, @Argument String after) {
        Access.requireSignedIn();
        Actor a = Access.requireScope(SCOPE);
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        String province = provinces.codeOf("filter.deliveryProvince", filter == null ? null : filter.deliveryProvince());
        Set<Long> orgs = a.memberships().isEmpty() ? Set.of(-1L) : a.memberships().keySet();
        SourcingQueries.Page page = queries.open(a.isAlliance(), orgs, categories.codesUnder("filter.category", filter == null ? null : filter.category()),
                province, offset, n);
        return Connection.fromOffset(page.rows().stream().map(r -> view(a, r)).toList(), offset, n, page.total());
    }

    @MutationMapping
    SourcingRequestPayload createSourcingRequest(@Argument SourcingRequestInput input) {
        return service.create(input);
    }

    @MutationMapping
    SourcingRequestPayload updateSourcingRequest(@Argument SourcingRequestInput input) {
        return service.update(input);
    }

    record StatusInput(String id, Status outcome, String reason, Long expectedVersion, String clientMutationId) {
    }

    @MutationMapping
    SourcingRequestPayload closeSourcingRequest(@Argument StatusInput input) {
        Status outcome = input.outcome() == null ? Status.CLOSED : input.outcome();
        if (outcome != Status.CLOSED && outcome != Status.FULFILLED) {
            throw ApiException.badRequest("input.outcome", Message.of("sourcing.request.outcome"));
        }
        return service.setStatus(input.id(), outcome, input.reason(), input.expectedVersion(), input.clientMutationId());
    }

    @MutationMapping
    SourcingRequestPayload pauseSourcingRequest(@Argument StatusInput input) {
        return service.setStatus(input.id(), Status.PAUSED, input.reason(), input.expectedVersion(), input.clientMutationId());
    }

    @MutationMapping
    SourcingRequestPayload resumeSourcingRequest(@Argument StatusInput input) {
        return service.setStatus(input.id(), Status.OPEN, input.reason(), input.expectedVersion(), input.clientMutationId());
    }

    /** One SQL statement for the buyers of a whole page; null where the buyer chose to stay hidden. */
    @BatchMapping(typeName = "SourcingRequest", field = "buyerOrganization")
    Map<SourcingRequest, Organization> buyerOrganization(List<SourcingRequest> page) {
        Map<Long, Organization> byId = organizations.findByIds(page.stream().map(SourcingRequest::buyerOrganizationId)
                .filter(Objects::nonNull).distinct().toList());
        return page.stream().filter(r -> r.buyerOrganizationId() != null && byId.containsKey(r.buyerOrganizationId()))
                .collect(Collectors.toMap(Function.identity(), r -> byId.get(r.buyerOrganizationId()), (x, y) -> x));
    }

    @SchemaMapping(typeName = "SourcingRequest", field = "category")
    Category category(SourcingRequest r) {
        return r.categoryCode() == null ? null : categories.findByCode(r.categoryCode()).orElse(null);
    }

    @SchemaMapping(typeName = "SourcingRequest", field = "deliveryProvince")
    Province deliveryProvince(SourcingRequest r) {
        return provinces.findByCode(r.deliveryProvinceCode()).orElse(null);
    }

    @SchemaMapping(typeName = "SourcingRequest", field = "invitedOrganizationIds")
    List<String> invitedOrganizationIds(SourcingRequest r) {
        return r.invitedOrganizationIds().stream().map(id -> GlobalId.encode(Organization.TYPE, id)).toList();
    }

    @Override
    public String typeName() {
        return SourcingRequest.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        Actor a = Access.current();
        return service.findById(id).map(r -> view(a, r));
    }
}
