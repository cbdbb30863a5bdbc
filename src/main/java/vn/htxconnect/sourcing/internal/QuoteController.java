package vn.htxconnect.sourcing.internal;

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
import vn.htxconnect.sourcing.Quote;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.sourcing.internal.QuoteInputs.QuoteDecisionInput;
import vn.htxconnect.sourcing.internal.QuoteInputs.QuoteFilter;
import vn.htxconnect.sourcing.internal.QuoteInputs.QuotePayload;
import vn.htxconnect.sourcing.internal.QuoteInputs.SendQuoteInput;

/** Quote mutations, an organization's quote list and {@code node} for quotes; the fields are in {@link QuoteFieldsController}. */
@Controller
class QuoteController implements NodeResolver {

    private final QuoteManagement management;
    private final QuoteQueries queries;

    QuoteController(QuoteManagement management, QuoteQueries queries) {
        this.management = management;
        this.queries = queries;
    }

    @MutationMapping
    QuotePayload sendQuote(@Argument SendQuoteInput input) {
        return management.send(input);
    }

    @MutationMapping
    QuotePayload acceptQuote(@Argument QuoteDecisionInput input) {
        return management.accept(input);
    }

    @MutationMapping
    QuotePayload declineQuote(@Argument QuoteDecisionInput input) {
        return management.decline(input);
    }

    @MutationMapping
    QuotePayload withdrawQuote(@Argument QuoteDecisionInput input) {
        return management.withdraw(input);
    }

    @QueryMapping
    Connection<Quote> quotes(@Argument QuoteFilter filter, @Argument Integer first, @Argument String after) {
        Access.requireUser();
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        if (filter == null || filter.organizationId() == null) {
            throw ApiException.badRequest("filter.organizationId", Message.of("input.required", "filter.organizationId"));
        }
        long org = GlobalId.decode("filter.organizationId", filter.organizationId(), Organization.TYPE);
        Access.requireMember(org);
        Long request = filter.requestId() == null ? null
                : GlobalId.decode("filter.requestId", filter.requestId(), SourcingRequest.TYPE);
        QuoteQueries.Page page = queries.ofOrganization(org, filter.role(), filter.status(), request, offset, n);
        return Connection.fromOffset(page.rows(), offset, n, page.total());
    }

    @Override
    public String typeName() {
        return Quote.TYPE;
    }

    /** Only the two organizations' members and the Alliance resolve a quote; to others it does not exist. */
    @Override
    public Optional<?> load(long id) {
        Actor a = Access.current();
        return queries.find(id).filter(q -> QuoteQueries.visible(a, q));
    }
}
