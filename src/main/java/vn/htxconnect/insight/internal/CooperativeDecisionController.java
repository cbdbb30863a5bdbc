package vn.htxconnect.insight.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import vn.htxconnect.insight.CooperativeDecision;
import vn.htxconnect.insight.internal.CooperativeDecisionInputs.RecordCooperativeDecisionInput;
import vn.htxconnect.insight.internal.CooperativeDecisionInputs.RecordCooperativeDecisionPayload;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.NodeResolver;

/** The Alliance's decisions: recording one, and the history under each organization (for the Alliance only). */
@Controller
class CooperativeDecisionController implements NodeResolver {

    static final String LOADER = "cooperativeDecisions";

    private final CooperativeDecisionManagement management;
    private final CooperativeDecisionStore store;
    private final OrganizationService organizations;

    CooperativeDecisionController(CooperativeDecisionManagement management, CooperativeDecisionStore store,
                                  OrganizationService organizations, BatchLoaderRegistry registry) {
        this.management = management;
        this.store = store;
        this.organizations = organizations;
        // The decisions of every organization in a response: one statement.
        registry.<Long, List<CooperativeDecision>>forName(LOADER).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> {
                    Map<Long, List<CooperativeDecision>> found = store.ofOrganizations(ids);
                    Map<Long, List<CooperativeDecision>> out = new LinkedHashMap<>();
                    ids.forEach(id -> out.put(id, found.getOrDefault(id, List.of())));
                    return out;
                }));
    }

    @MutationMapping
    RecordCooperativeDecisionPayload recordCooperativeDecision(@Argument RecordCooperativeDecisionInput input) {
        return management.record(input);
    }

    @SchemaMapping(typeName = "Organization", field = "decisions")
    CompletableFuture<List<CooperativeDecision>> decisions(Organization o, DataLoader<Long, List<CooperativeDecision>> cooperativeDecisions) {
        Access.requireAlliance();
        return cooperativeDecisions.load(o.databaseId());
    }

    @BatchMapping(typeName = "CooperativeDecision", field = "organization")
    Map<CooperativeDecision, Organization> organization(List<CooperativeDecision> decisions) {
        return byOrganization(decisions, organizations.findByIds(decisions.stream().map(CooperativeDecision::organizationId)
                .distinct().toList()), false);
    }

    @BatchMapping(typeName = "CooperativeDecision", field = "mergedInto")
    Map<CooperativeDecision, Organization> mergedInto(List<CooperativeDecision> decisions) {
        Collection<Long> ids = decisions.stream().map(CooperativeDecision::mergedIntoOrganizationId)
                .filter(Objects::nonNull).distinct().toList();
        return byOrganization(decisions, ids.isEmpty() ? Map.of() : organizations.findByIds(ids), true);
    }

    private static Map<CooperativeDecision, Organization> byOrganization(List<CooperativeDecision> decisions,
                                                                         Map<Long, Organization> byId, boolean mergedInto) {
        Map<CooperativeDecision, Organization> out = new LinkedHashMap<>();
        for (CooperativeDecision d : decisions) {
            Long id = mergedInto ? d.mergedIntoOrganizationId() : Long.valueOf(d.organizationId());
            if (id != null && byId.containsKey(id)) {
                out.put(d, byId.get(id));
            }
        }
        return out;
    }

    @Override
    public String typeName() {
        return CooperativeDecision.TYPE;
    }

    /** Decisions are the Alliance's: for anyone else, no such object. */
    @Override
    public Optional<?> load(long id) {
        Actor a = Access.current();
        return a.isUser() && a.isAlliance() ? store.findById(id) : Optional.empty();
    }
}
