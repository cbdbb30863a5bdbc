package vn.htxconnect.sourcing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.sourcing.Match;
import vn.htxconnect.sourcing.SourcingRequest;

/** Matches of a request (for its buyer) and leads of a product (for its supplier), and their explanations. */
@Controller
class MatchController {

    static final String LEADS = "productLeads";

    private final Matching matching;

    MatchController(Matching matching, OrganizationService organizations, BatchLoaderRegistry registry) {
        this.matching = matching;
        // Leads of all products in a response load together: one SQL statement, one search per product.
        registry.<LeadKey, List<Match>>forName(LEADS).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> {
            Map<LeadKey, List<Match>> out = new LinkedHashMap<>();
            Map<Long, Organization> orgs = organizations.findByIds(keys.stream().map(k -> k.product().organizationId())
                    .distinct().toList());
            Map<List<Object>, List<LeadKey>> groups = keys.stream()
                    .collect(Collectors.groupingBy(k -> List.of(k.first(), k.actor())));
            for (List<LeadKey> group : groups.values()) {
                Actor actor = group.getFirst().actor();
                Map<Product, List<Match>> leads = matching.leads(group.stream().map(LeadKey::product).distinct().toList(),
                        orgs, group.getFirst().first(), org -> actor.isAlliance() || actor.memberOf(org));
                group.forEach(k -> out.put(k, leads.getOrDefault(k.product(), List.of())));
            }
            return out;
        }));
    }

    record LeadKey(Product product, int first, Actor actor) {
    }

    private static int first(Integer first) {
        int n = first == null ? 10 : first;
        if (n < 1 || n > 100) {
            throw ApiException.badRequest("first", Message.of("paging.first.range", 100, n));
        }
        return n;
    }

    /** Only the buyer's members and the Alliance see who matches a request. */
    @SchemaMapping(typeName = "SourcingRequest", field = "matches")
    List<Match> matches(SourcingRequest r, @Argument Integer first) {
        Actor a = Access.requireUser();
        if (!SourcingController.party(a, r)) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("sourcing.matches.buyerOnly"));
        }
        return matching.matches(r, first(first));
    }

    /** Only the supplier's members and the Alliance see a product's leads. */
    @SchemaMapping(typeName = "Product", field = "leads")
    CompletableFuture<List<Match>> leads(Product p, @Argument Integer first, DataLoader<LeadKey, List<Match>> productLeads) {
        Actor a = Access.requireUser();
        if (!a.isAlliance() && !a.memberOf(p.organizationId())) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("sourcing.leads.supplierOnly"));
        }
        return productLeads.load(new LeadKey(p, first(first), a));
    }

    /** The sentence parts in the caller's language, joined. */
    @SchemaMapping(typeName = "MatchFactor", field = "explanation")
    String explanation(Match.MatchFactor f, GraphQLContext context) {
        String language = context.getOrDefault(Messages.LANGUAGE, "vi");
        return f.explanation().stream().map(s -> Messages.render(s, language)).collect(Collectors.joining("; "));
    }

    @SchemaMapping(typeName = "MatchFactor", field = "score")
    double factorScore(Match.MatchFactor f) {
        return Math.round(f.score() * 10000) / 10000.0;
    }
}
