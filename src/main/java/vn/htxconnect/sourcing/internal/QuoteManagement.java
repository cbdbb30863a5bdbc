package vn.htxconnect.sourcing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.OptionalLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.inquiry.ConversationPost;
import vn.htxconnect.inquiry.ConversationService;
import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.notification.NotificationService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.sourcing.Quote;
import vn.htxconnect.sourcing.QuoteAccepted;
import vn.htxconnect.sourcing.SourcingEnums.ConfidentialField;
import vn.htxconnect.sourcing.SourcingEnums.QuoteStatus;
import vn.htxconnect.sourcing.SourcingEnums.Status;
import vn.htxconnect.sourcing.SourcingEnums.Visibility;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.sourcing.internal.QuoteInputs.QuoteDecisionInput;
import vn.htxconnect.sourcing.internal.QuoteInputs.QuotePayload;
import vn.htxconnect.sourcing.internal.QuoteInputs.SendQuoteInput;
import vn.htxconnect.webhook.WebhookEvent;
import vn.htxconnect.webhook.WebhookEventType;
import vn.htxconnect.webhook.WebhookEvents;

/**
 * Sending and answering quotes, each in one transaction that writes nothing when it reports an
 * error. A supplier has at most one quote awaiting an answer per request: sending another is
 * refused until the first is withdrawn, answered or expired (no silent superseding, so the buyer
 * never answers a quote that has changed under it). Quotes on one request are sent under the
 * request's row lock, answers under the quote's.
 */
@Service
class QuoteManagement {

    private final QuoteRepository quotes;
    private final SourcingRequestRepository requests;
    private final QuoteTerms terms;
    private final OrganizationService organizations;
    private final ConversationService conversations;
    private final ApplicationEventPublisher events;
    private final NotificationService notifications;
    private final WebhookEvents webhooks;

    QuoteManagement(QuoteRepository quotes, SourcingRequestRepository requests, QuoteTerms terms,
                    OrganizationService organizations, ConversationService conversations,
                    ApplicationEventPublisher events, NotificationService notifications, WebhookEvents webhooks) {
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.quotes = quotes;
        this.requests = requests;
        this.terms = terms;
        this.organizations = organizations;
        this.conversations = conversations;
        this.events = events;
    }

    @Transactional
    public QuotePayload send(SendQuoteInput in) {
        Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long supplierId = GlobalId.tryDecode(in.supplierOrganizationId(), Organization.TYPE);
        Organization supplier = supplierId == null ? null : organizations.findById(supplierId).orElse(null);
        if (supplier == null) {
            errors.add("supplierOrganizationId", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
            return failed(errors, in.clientMutationId());
        }
        Actor actor = Access.requireMember(supplier.databaseId());
        Long requestId = GlobalId.tryDecode(in.requestId(), SourcingRequest.TYPE);
        SourcingRequestEntity request = requestId == null ? null : requests.lock(requestId).orElse(null);
        // A request the supplier may not see answers as one that does not exist.
        if (request == null || !visibleTo(request, supplier.databaseId())) {
            errors.add("requestId", UserErrorCode.NOT_FOUND, Message.of("sourcing.request.notFound"));
            return failed(errors, in.clientMutationId());
        }
        if (request.buyerOrganizationId == supplier.databaseId()) {
            errors.add("supplierOrganizationId", UserErrorCode.INVALID, Message.of("sourcing.quote.ownRequest"));
            return failed(errors, in.clientMutationId());
        }
        if (!request.toView().acceptingOffers()) {
            errors.add("requestId", UserErrorCode.CONFLICT, switch (request.status) {
                case PAUSED -> Message.of("sourcing.quote.requestPaused");
                case CLOSED -> Message.of("sourcing.quote.requestClosed");
                case FULFILLED -> Message.of("sourcing.quote.requestFulfilled");
                // Open but not taking offers: its expiresAt has passed.
                case OPEN -> Message.of("sourcing.quote.requestExpired");
            });
            return failed(errors, in.clientMutationId());
        }
        supplierChecks(supplier, request, errors);
        QuoteEntity q = new QuoteEntity();
        terms.apply(in, request, supplier.databaseId(), q, errors);
        if (!errors.hasErrors() && quotes.pending(request.id, supplier.databaseId(), Instant.now())) {
            errors.add("requestId", UserErrorCode.CONFLICT,
                    Message.of("sourcing.quote.pending"));
        }
        if (errors.hasErrors()) {
            return failed(errors, in.clientMutationId());
        }
        q.requestId = request.id;
        q.supplierOrganizationId = supplier.databaseId();
        q.buyerOrganizationId = request.buyerOrganizationId;
        q.createdByUserId = actor.userId();
        // Announced where the two organizations already talk about the request; a new conversation is
        // not opened when the buyer hides its identity, since the conversation would show it.
        OptionalLong conversation = conversations.post(new ConversationPost(request.buyerOrganizationId,
                supplier.databaseId(), GlobalId.encode(SourcingRequest.TYPE, request.id), request.title, true,
                actor.userId(), QuoteTerms.message(q), !request.confidential().contains(ConfidentialField.BUYER)));
        q.conversationId = conversation.isPresent() ? conversation.getAsLong() : null;
        quotes.saveAndFlush(q);
        notifications.notify(request.buyerOrganizationId, NotificationKind.QUOTE_RECEIVED, q.toView().id(), Map.of(
                "request", request.title, "supplier", supplier.name(), "price", String.format(Locale.ROOT, "%,d", q.pricePerUnitVnd)
                        .replace(',', '.'), "unit", q.unit.label()));
        publishWebhook(q, WebhookEventType.QUOTE_RECEIVED);
        return new QuotePayload(q.toView(), List.of(), in.clientMutationId());
    }

    private static boolean visibleTo(SourcingRequestEntity r, long organization) {
        return r.visibility == Visibility.PUBLIC || r.invitedOrganizationIds.contains(organization);
    }

    private static void supplierChecks(Organization supplier, SourcingRequestEntity request, ValidationErrors errors) {
        OrganizationKind kind = supplier.kind();
        if (!supplier.active()) {
            errors.add("supplierOrganizationId", UserErrorCode.INVALID, Message.of("organization.archived"));
        } else if (!kind.isCooperative() && kind != OrganizationKind.PROCESSOR && kind != OrganizationKind.DISTRIBUTOR) {
            errors.add("supplierOrganizationId", UserErrorCode.INVALID, Message.of("sourcing.quote.supplierKind"));
        } else if (request.verifiedSuppliersOnly && !supplier.verified()) {
            errors.add("supplierOrganizationId", UserErrorCode.INVALID,
                    Message.of("sourcing.quote.verifiedOnly"));
        }
    }

    /** The buyer accepts: the quote becomes the deal record and {@link QuoteAccepted} is published in this transaction. */
    @Transactional
    public QuotePayload accept(QuoteDecisionInput in) {
        ValidationErrors errors = new ValidationErrors();
        QuoteEntity q = answerable(in.quoteId(), true, errors);
        SourcingRequestEntity request = q == null ? null : requests.findById(q.requestId).orElseThrow();
        if (request != null && (request.status == Status.CLOSED || request.status == Status.FULFILLED)) {
            errors.add("quoteId", UserErrorCode.CONFLICT, request.status == Status.CLOSED
                    ? Message.of("sourcing.quote.acceptClosed") : Message.of("sourcing.quote.acceptFulfilled"));
        }
        if (errors.hasErrors()) {
            return failed(errors, in.clientMutationId());
        }
        decide(q, QuoteStatus.ACCEPTED, null);
        events.publishEvent(new QuoteAccepted(q.id, q.requestId, q.supplierOrganizationId, q.buyerOrganizationId,
                q.productId, request.categoryCode, q.pricePerUnitVnd, q.unit.name(), q.quantity.doubleValue(),
                q.frequency.name(), request.windowFrom, request.windowTo, q.decidedAt));
        notifications.notify(q.supplierOrganizationId, NotificationKind.QUOTE_ACCEPTED, q.toView().id(), Map.of(
                "request", request.title, "buyer", organizations.findById(q.buyerOrganizationId).map(Organization::name).orElse("")));
        publishWebhook(q, WebhookEventType.QUOTE_ACCEPTED);
        return new QuotePayload(q.toView(), List.of(), in.clientMutationId());
    }

    @Transactional
    public QuotePayload decline(QuoteDecisionInput in) {
        return close(in, true, QuoteStatus.DECLINED);
    }

    @Transactional
    public QuotePayload withdraw(QuoteDecisionInput in) {
        return close(in, false, QuoteStatus.WITHDRAWN);
    }

    private QuotePayload close(QuoteDecisionInput in, boolean buyer, QuoteStatus outcome) {
        ValidationErrors errors = new ValidationErrors();
        QuoteEntity q = answerable(in.quoteId(), buyer, errors);
        String reason = errors.text("reason", in.reason(), 500, false);
        if (errors.hasErrors()) {
            return failed(errors, in.clientMutationId());
        }
        decide(q, outcome, reason);
        if (outcome == QuoteStatus.DECLINED) {
            String title = requests.findById(q.requestId).map(r -> r.title).orElse("");
            notifications.notify(q.supplierOrganizationId, NotificationKind.QUOTE_DECLINED, q.toView().id(),
                    Map.of("request", title, "reason", reason == null ? "" : reason));
            publishWebhook(q, WebhookEventType.QUOTE_DECLINED);
        }
        return new QuotePayload(q.toView(), List.of(), in.clientMutationId());
    }

    /**
     * The quote, locked, if the caller acts for the side that may answer it ({@code buyer}: accept or
     * decline; otherwise the supplier: withdraw) and it still awaits an answer; else null with an error.
     */
    private QuoteEntity answerable(String quoteId, boolean buyer, ValidationErrors errors) {
        Access.requireUser();
        Long id = GlobalId.tryDecode(quoteId, Quote.TYPE);
        QuoteEntity q = id == null ? null : quotes.lock(id).orElse(null);
        if (q == null) {
            errors.add("quoteId", UserErrorCode.NOT_FOUND, Message.of("sourcing.quote.notFound"));
            return null;
        }
        Access.requireMember(buyer ? q.buyerOrganizationId : q.supplierOrganizationId);
        QuoteStatus status = q.status(Instant.now());
        if (status != QuoteStatus.SENT) {
            errors.add("quoteId", UserErrorCode.CONFLICT, Message.of("sourcing.quote.notAwaiting", status));
            return null;
        }
        return q;
    }

    private void decide(QuoteEntity q, QuoteStatus outcome, String reason) {
        q.status = outcome;
        q.decisionReason = reason;
        q.decidedAt = Instant.now();
        q.decidedByUserId = Access.current().userId();
        quotes.saveAndFlush(q);
    }

    /** Tells the buyer's and the supplier's endpoints, with the quote as both sides see it in the API. */
    private void publishWebhook(QuoteEntity entity, WebhookEventType type) {
        Quote q = entity.toView();
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("requestId", GlobalId.encode(SourcingRequest.TYPE, q.requestId()));
        fields.put("supplierOrganizationId", GlobalId.encode(Organization.TYPE, q.supplierOrganizationId()));
        fields.put("buyerOrganizationId", GlobalId.encode(Organization.TYPE, q.buyerOrganizationId()));
        fields.put("productId", q.productId() == null ? null : GlobalId.encode("Product", q.productId()));
        fields.put("pricePerUnitVnd", q.pricePerUnitVnd());
        fields.put("unit", q.unit().name());
        fields.put("quantity", q.quantity());
        fields.put("frequency", q.frequency().name());
        fields.put("deliveryTerms", q.deliveryTerms());
        fields.put("validUntil", String.valueOf(q.validUntil()));
        fields.put("note", q.note());
        fields.put("status", q.status().name());
        fields.put("decisionReason", q.decisionReason());
        fields.put("decidedAt", q.decidedAt() == null ? null : q.decidedAt().toString());
        fields.put("version", q.version());
        webhooks.publish(WebhookEvent.toParties(type, q.id(), List.of(q.buyerOrganizationId(), q.supplierOrganizationId()), fields));
    }

    private static QuotePayload failed(ValidationErrors errors, String clientMutationId) {
        return new QuotePayload(null, errors.list(), clientMutationId);
    }
}
