package vn.htxconnect.search.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.search.ProductFilter;
import vn.htxconnect.search.ProductSort;

/** Search administration: full reindex, its progress, the index consistency check, request inspection. */
@Controller
class SearchAdminController implements NodeResolver {

    private static final Logger log = LoggerFactory.getLogger(SearchAdminController.class);

    private final ProductReindexer reindexer;
    private final ProductConsistencyChecker checker;
    private final SearchJobs jobs;
    private final ProductSearchService search;
    private final ElasticsearchClient client;

    SearchAdminController(ProductReindexer reindexer, ProductConsistencyChecker checker, SearchJobs jobs,
                          ProductSearchService search, ElasticsearchClient client) {
        this.reindexer = reindexer;
        this.checker = checker;
        this.jobs = jobs;
        this.search = search;
        this.client = client;
    }

    record ReindexProductsInput(String clientMutationId) {
    }

    record ReindexProductsPayload(SearchJob job, List<UserError> errors, String clientMutationId) {
    }

    record CheckProductIndexInput(Boolean repair, String organizationId, String clientMutationId) {
    }

    record CheckProductIndexPayload(ProductConsistencyChecker.Report report, List<UserError> errors,
                                    String clientMutationId) {
    }

    @MutationMapping
    ReindexProductsPayload reindexProducts(@Argument ReindexProductsInput input) {
        Access.requireAdmin();
        try {
            return new ReindexProductsPayload(reindexer.start(), List.of(), input.clientMutationId());
        } catch (SearchJobs.AlreadyRunning e) {
            // The running job comes back with the refusal: a caller (scripts/reindex.sh after a restore, while the
            // healer rebuilds a missing index) follows that one instead of failing.
            return new ReindexProductsPayload(e.running, List.of(new UserError(List.of("input"), UserErrorCode.CONFLICT,
                    Message.of("search.reindex.running", e.running.id(), e.running.processed(), e.running.total()))),
                    input.clientMutationId());
        }
    }

    @MutationMapping
    CheckProductIndexPayload checkProductIndex(@Argument CheckProductIndexInput input) {
        Access.requireAdmin();
        try {
            Long organizationId = input.organizationId() == null ? null
                    : GlobalId.decode("input.organizationId", input.organizationId(), "Organization");
            return new CheckProductIndexPayload(checker.check(Boolean.TRUE.equals(input.repair()), organizationId),
                    List.of(), input.clientMutationId());
        } catch (IOException | co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            log.warn("Index check failed: {}", e.toString());
            throw new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable"));
        }
    }

    @QueryMapping
    SearchJob searchJob(@Argument String id) {
        Access.requireAdmin();
        return jobs.find(GlobalId.decode("id", id, SearchJob.TYPE))
                .orElseThrow(() -> ApiException.notFound(Message.of("search.job.notFoundId", id)));
    }

    @QueryMapping
    String searchProductsRequest(@Argument String query, @Argument ProductFilter filter, @Argument ProductSort sort,
                                 @Argument Integer first, @Argument String after) {
        Access.requireAdmin();
        return JsonpUtils.toJsonString(search.request(query, filter, sort, Cursors.first(first), after),
                client._jsonpMapper());
    }

    @SchemaMapping(typeName = "IndexDiscrepancy", field = "productIds")
    List<String> productIds(ProductConsistencyChecker.Discrepancy discrepancy) {
        return discrepancy.ids().stream().map(id -> GlobalId.encode(Product.TYPE, id)).toList();
    }

    @Override
    public String typeName() {
        return SearchJob.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        return Access.current().isAdmin() ? jobs.find(id) : Optional.empty();
    }
}
