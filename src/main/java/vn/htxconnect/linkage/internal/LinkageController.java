package vn.htxconnect.linkage.internal;

import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Action;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.linkage.LinkageInput;
import vn.htxconnect.linkage.LinkagePayload;
import vn.htxconnect.linkage.LinkageService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.region.ProvinceService;

/** Linkage reads and lifecycle mutations; what a reader sees of a linkage is decided by {@link #view}. */
@Controller
class LinkageController implements NodeResolver {

    static final String SCOPE = "linkage:read";

    private final LinkageService service;
    private final LinkageQueries queries;
    private final LinkageStatistics statistics;
    private final CategoryService categories;
    private final ProvinceService provinces;

    LinkageController(LinkageService service, LinkageQueries queries, LinkageStatistics statistics,
                      CategoryService categories, ProvinceService provinces) {
        this.service = service;
        this.queries = queries;
        this.statistics = statistics;
        this.categories = categories;
        this.provinces = provinces;
    }

    /** Parties, the Alliance and admins see all; other signed-in users see settled linkages without volumes and prices. */
    static Linkage view(Actor a, Linkage l) {
        if (party(a, l)) {
            return l;
        }
        boolean settled = l.status() == Status.ACTIVE || l.status() == Status.SUSPENDED || l.status() == Status.ENDED;
        return a.isUser() && settled ? l.redacted() : null;
    }

    static boolean party(Actor a, Linkage l) {
        return a.isAlliance() || a.memberships().keySet().stream().anyMatch(l::party);
    }

    /** Lists and single linkages are for users; partner keys read aggregates. */
    static Actor reader() {
        Actor a = Access.current();
        if (a.kind() == Actor.Kind.API_KEY) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("linkage.statistics.apiKeyAggregatesOnly"));
        }
        return Access.requireUser();
    }

    @QueryMapping
    Linkage supplyLinkage(@Argument String id) {
        Actor a = reader();
        return service.findById(GlobalId.decode("id", id, Linkage.TYPE)).map(l -> view(a, l))
                .orElseThrow(() -> ApiException.notFound(Message.of("linkage.notFoundId", id)));
    }

    record Filter(String organizationId, String productId, String province, String category, Status status, Stage stage) {
    }

    @QueryMapping
    Connection<Linkage> supplyLinkages(@Argument Filter filter, @Argument Integer first, @Argument String after) {
        Actor a = reader();
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        Filter f = filter == null ? new Filter(null, null, null, null, null, null) : filter;
        LinkageQueries.Criteria c = new LinkageQueries.Criteria(
                f.organizationId() == null ? null : GlobalId.decode("filter.organizationId", f.organizationId(), Organization.TYPE),
                f.productId() == null ? null : GlobalId.decode("filter.productId", f.productId(), Product.TYPE),
                provinces.codeOf("filter.province", f.province()), categories.codesUnder("filter.category", f.category()), f.status(), f.stage(),
                a.isAlliance() ? null : a.memberships().keySet());
        LinkageQueries.Page page = queries.list(c, offset, n);
        return Connection.fromOffset(page.rows().stream().map(l -> view(a, l)).toList(), offset, n, page.total());
    }

    record StatisticsFilter(String province, String category) {
    }

    @QueryMapping
    LinkageStatistics.Statistics linkageStatistics(@Argument StatisticsFilter filter) {
        Actor a = Access.requireSignedIn();
        if (a.kind() == Actor.Kind.API_KEY ? !a.hasScope(SCOPE) : !a.isAlliance()) {
            throw new ApiException(ErrorCode.FORBIDDEN,
                    Message.of("linkage.statistics.forbidden", SCOPE));
        }
        return statistics.compute(provinces.codeOf("filter.province", filter == null ? null : filter.province()),
                categories.codesUnder("filter.category", filter == null ? null : filter.category()));
    }

    @MutationMapping
    LinkagePayload proposeSupplyLinkage(@Argument LinkageInput input) {
        return service.propose(input);
    }

    record ActionInput(String id, String actingOrganizationId, String reason, Long expectedVersion, String clientMutationId) {
    }

    @MutationMapping
    LinkagePayload confirmSupplyLinkage(@Argument ActionInput input) {
        return act(input, Action.CONFIRM);
    }

    @MutationMapping
    LinkagePayload rejectSupplyLinkage(@Argument ActionInput input) {
        return act(input, Action.REJECT);
    }

    @MutationMapping
    LinkagePayload suspendSupplyLinkage(@Argument ActionInput input) {
        return act(input, Action.SUSPEND);
    }

    @MutationMapping
    LinkagePayload resumeSupplyLinkage(@Argument ActionInput input) {
        return act(input, Action.RESUME);
    }

    @MutationMapping
    LinkagePayload endSupplyLinkage(@Argument ActionInput input) {
        return act(input, Action.END);
    }

    private LinkagePayload act(ActionInput in, Action action) {
        return service.act(in.id(), action, in.actingOrganizationId(), in.reason(), in.expectedVersion(), in.clientMutationId());
    }

    @Override
    public String typeName() {
        return Linkage.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        Actor a = Access.current();
        return a.kind() == Actor.Kind.API_KEY ? Optional.empty() : service.findById(id).map(l -> view(a, l));
    }
}
