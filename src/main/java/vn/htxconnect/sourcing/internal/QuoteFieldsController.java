package vn.htxconnect.sourcing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.inquiry.ConversationService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.sourcing.Quote;
import vn.htxconnect.sourcing.SourcingEnums.ConfidentialField;
import vn.htxconnect.sourcing.SourcingEnums.QuoteStatus;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.sourcing.SourcingService;

/** Fields of quotes that reach other objects, and a request's quotes, each loaded for a whole response at once. */
@Controller
class QuoteFieldsController {

    static final String REQUEST_QUOTES = "requestQuotes";

    private final SourcingService requests;
    private final OrganizationService organizations;
    private final ProductService products;
    private final ConversationService conversations;

    QuoteFieldsController(SourcingService requests, OrganizationService organizations, ProductService products,
                          ConversationService conversations, QuoteQueries queries, BatchLoaderRegistry registry) {
        this.requests = requests;
        this.organizations = organizations;
        this.products = products;
        this.conversations = conversations;
        // Quotes of all requests of a response: two statements per kind of page asked for.
        registry.<RequestQuotesKey, Connection<Quote>>forName(REQUEST_QUOTES).registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> {
                    Map<RequestQuotesKey, Connection<Quote>> out = new LinkedHashMap<>();
                    keys.stream().collect(Collectors.groupingBy(k -> List.of(k.all(), k.suppliers(), k.first(), k.offset())))
                            .forEach((group, ks) -> {
                                RequestQuotesKey k0 = ks.getFirst();
                                Map<Long, QuoteQueries.Page> pages = queries.ofRequests(
                                        ks.stream().map(RequestQuotesKey::requestId).toList(), k0.all(), k0.suppliers(),
                                        k0.offset(), k0.first());
                                ks.forEach(k -> out.put(k, Connection.fromOffset(pages.get(k.requestId()).rows(),
                                        k.offset(), k.first(), pages.get(k.requestId()).total())));
                            });
                    return out;
                }));
    }

    /** A page of one request's quotes: all of them, or only those of the suppliers given. */
    record RequestQuotesKey(long requestId, boolean all, Set<Long> suppliers, int first, int offset) {
    }

    /** The buyer's members and the Alliance see every quote on a request; a supplier sees only its own. */
    @SchemaMapping(typeName = "SourcingRequest", field = "quotes")
    CompletableFuture<Connection<Quote>> quotes(SourcingRequest r, @Argument Integer first, @Argument String after,
                                                DataLoader<RequestQuotesKey, Connection<Quote>> requestQuotes) {
        Actor a = Access.requireUser();
        boolean all = SourcingController.party(a, r);
        return requestQuotes.load(new RequestQuotesKey(r.databaseId(), all, all ? Set.of() : a.memberships().keySet(),
                Cursors.first(first), Cursors.offsetAfter(after)));
    }

    private Map<Long, SourcingRequest> requestsOf(List<Quote> quotes) {
        return requests.findByIds(quotes.stream().map(Quote::requestId).distinct().toList());
    }

    /** The request in full for its buyer and the Alliance; suppliers see it without the fields the buyer hid. */
    @BatchMapping(typeName = "Quote", field = "request")
    Map<Quote, SourcingRequest> request(List<Quote> quotes) {
        Actor a = Access.current();
        Map<Long, SourcingRequest> byId = requestsOf(quotes);
        return quotes.stream().filter(q -> byId.containsKey(q.requestId())).collect(Collectors.toMap(Function.identity(),
                q -> {
                    SourcingRequest r = byId.get(q.requestId());
                    return SourcingController.party(a, r) ? r : r.redacted();
                }, (x, y) -> x));
    }

    @BatchMapping(typeName = "Quote", field = "supplier")
    Map<Quote, Organization> supplier(List<Quote> quotes) {
        Map<Long, Organization> byId = organizations.findByIds(quotes.stream().map(Quote::supplierOrganizationId)
                .distinct().toList());
        return quotes.stream().filter(q -> byId.containsKey(q.supplierOrganizationId()))
                .collect(Collectors.toMap(Function.identity(), q -> byId.get(q.supplierOrganizationId()), (x, y) -> x));
    }

    /**
     * The buyer, unless its request hides it from this reader; once the buyer accepts a quote, that
     * quote's supplier sees who it deals with.
     */
    @BatchMapping(typeName = "Quote", field = "buyer")
    Map<Quote, Organization> buyer(List<Quote> quotes) {
        Actor a = Access.current();
        Map<Long, SourcingRequest> byRequest = requestsOf(quotes);
        List<Quote> shown = quotes.stream().filter(q -> {
            SourcingRequest r = byRequest.get(q.requestId());
            return r != null && (SourcingController.party(a, r) || q.status() == QuoteStatus.ACCEPTED
                    || !r.confidentialFields().contains(ConfidentialField.BUYER));
        }).toList();
        Map<Long, Organization> byId = organizations.findByIds(shown.stream().map(Quote::buyerOrganizationId)
                .distinct().toList());
        return shown.stream().filter(q -> byId.containsKey(q.buyerOrganizationId()))
                .collect(Collectors.toMap(Function.identity(), q -> byId.get(q.buyerOrganizationId()), (x, y) -> x));
    }

    /** The product offered, while the reader may see it (active, or the reader's own or the Alliance). */
    @BatchMapping(typeName = "Quote", field = "product")
    Map<Quote, Product> product(List<Quote> quotes) {
        Actor a = Access.current();
        Map<Long, Product> byId = products.findByIds(quotes.stream().map(Quote::productId).filter(Objects::nonNull)
                .distinct().toList());
        Map<Quote, Product> out = new LinkedHashMap<>();
        for (Quote q : quotes) {
            Product p = q.productId() == null ? null : byId.get(q.productId());
            if (p != null && (p.status() == ProductStatus.ACTIVE || a.memberOf(p.organizationId()) || a.isAlliance())) {
                out.put(q, p);
            }
        }
        return out;
    }

    /** The conversation the quote was posted into, for the two organizations' members (and admins). */
    @BatchMapping(typeName = "Quote", field = "conversation")
    Map<Quote, Object> conversation(List<Quote> quotes) {
        Map<Long, Object> byId = conversations.readable(quotes.stream().map(Quote::conversationId)
                .filter(Objects::nonNull).distinct().toList());
        Map<Quote, Object> out = new LinkedHashMap<>();
        quotes.stream().filter(q -> q.conversationId() != null && byId.containsKey(q.conversationId()))
                .forEach(q -> out.put(q, byId.get(q.conversationId())));
        return out;
    }
}
