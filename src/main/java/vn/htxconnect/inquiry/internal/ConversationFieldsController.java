package vn.htxconnect.inquiry.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.inquiry.ResponseStats;
import vn.htxconnect.inquiry.ResponseStatsService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.GlobalId;

/** Fields that reach other objects, each loaded for a whole response at once (no N+1). */
@Controller
class ConversationFieldsController {

    private static final String ORGANIZATIONS = "inquiryOrganizations";

    private final OrganizationService organizations;
    private final ProductService products;
    private final ResponseStatsService stats;

    ConversationFieldsController(OrganizationService organizations, ProductService products,
                                 ResponseStatsService stats, BatchLoaderRegistry registry) {
        this.organizations = organizations;
        registry.<Long, Organization>forName(ORGANIZATIONS)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> organizations.findByIds(ids)));
        this.products = products;
        this.stats = stats;
    }

    // Buyer and supplier share one loader, so both sides of every conversation arrive in one statement
    // and together (fields below them, such as responseStats, are then batched once too).
    @SchemaMapping(typeName = "Conversation", field = "buyer")
    CompletableFuture<Organization> buyer(Conversation c, DataFetchingEnvironment env) {
        return env.<Long, Organization>getDataLoader(ORGANIZATIONS).load(c.buyerOrganizationId());
    }

    @SchemaMapping(typeName = "Conversation", field = "supplier")
    CompletableFuture<Organization> supplier(Conversation c, DataFetchingEnvironment env) {
        return env.<Long, Organization>getDataLoader(ORGANIZATIONS).load(c.supplierOrganizationId());
    }

    /** The product the conversation is about, if it still exists and the caller may see it. */
    @BatchMapping(typeName = "Conversation", field = "product")
    Map<Conversation, Product> product(List<Conversation> conversations) {
        List<Long> ids = conversations.stream().map(ConversationFieldsController::productId)
                .filter(Objects::nonNull).distinct().toList();
        Map<Long, Product> byId = products.findByIds(ids);
        Actor actor = Access.current();
        Map<Conversation, Product> result = new LinkedHashMap<>();
        for (Conversation c : conversations) {
            Long id = productId(c);
            Product p = id == null ? null : byId.get(id);
            if (p != null && (p.status() == ProductStatus.ACTIVE || actor.memberOf(p.organizationId()) || actor.isAlliance())) {
                result.put(c, p);
            }
        }
        return result;
    }

    private static Long productId(Conversation c) {
        return c.subjectId() == null ? null : GlobalId.tryDecode(c.subjectId(), Product.TYPE);
    }

    @SchemaMapping(typeName = "Conversation", field = "messages")
    CompletableFuture<Connection<ConversationMessage>> messages(Conversation conversation, @Argument Integer first,
                                                    @Argument String after, @Argument Integer last,
                                                    @Argument String before, DataFetchingEnvironment env) {
        return MessagePages.page(env.getDataLoader(MessagePages.NAME), conversation, first, after, last, before);
    }

    /** The trust signal on every organization, one statement per response. */
    @BatchMapping(typeName = "Organization", field = "responseStats")
    Map<Organization, ResponseStats> responseStats(List<Organization> page) {
        Map<Long, ResponseStats> byId = stats.statsFor(page.stream().map(Organization::databaseId).distinct().toList());
        Map<Organization, ResponseStats> result = new LinkedHashMap<>();
        page.forEach(o -> result.put(o, byId.get(o.databaseId())));
        return result;
    }
}
