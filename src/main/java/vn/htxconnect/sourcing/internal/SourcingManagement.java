package vn.htxconnect.sourcing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.sourcing.SourcingEnums;
import vn.htxconnect.sourcing.SourcingEnums.Status;
import vn.htxconnect.sourcing.SourcingEnums.Visibility;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.sourcing.SourcingRequestInput;
import vn.htxconnect.sourcing.SourcingRequestPayload;
import vn.htxconnect.sourcing.SourcingService;
import vn.htxconnect.webhook.WebhookEvent;
import vn.htxconnect.webhook.WebhookEventType;
import vn.htxconnect.webhook.WebhookEvents;

/**
 * Sourcing request writes and reads. Requests belong to a buying organization (retail chain, processor
 * or distributor) and are written by its members; each write queues the request for the open-requests
 * index, and an open request for match discovery, in the same transaction.
 */
@Service
class SourcingManagement implements SourcingService {

    static final String OUTBOX_TYPE = "sourcing_request";
    /** The kinds that buy: cooperatives supply (their own purchasing is out of scope), partners observe. */
    static final Set<OrganizationKind> BUYER_KINDS =
            EnumSet.of(OrganizationKind.RETAIL_CHAIN, OrganizationKind.PROCESSOR, OrganizationKind.DISTRIBUTOR);

    private final SourcingRequestRepository repository;
    private final RequestValidator validator;
    private final OrganizationService organizations;
    private final Outbox outbox;
    private final WebhookEvents webhooks;

    SourcingManagement(SourcingRequestRepository repository, RequestValidator validator,
                       OrganizationService organizations, Outbox outbox, WebhookEvents webhooks) {
        this.webhooks = webhooks;
        this.repository = repository;
        this.validator = validator;
        this.organizations = organizations;
        this.outbox = outbox;
    }

    @Override
    @Transactional
    public SourcingRequestPayload create(SourcingRequestInput in) {
        Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long orgId = in.buyerOrganizationId() == null ? null : GlobalId.tryDecode(in.buyerOrganizationId(), Organization.TYPE);
        Organization buyer = orgId == null ? null : organizations.findById(orgId).orElse(null);
        if (buyer == null) {
            errors.add("buyerOrganizationId", in.buyerOrganizationId() == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    Message.of("organization.id.unknown", "buyerOrganizationId"));
            return new SourcingRequestPayload(null, errors.list(), in.clientMutationId());
        }
        Actor actor = Access.requireMember(buyer.databaseId());
        if (!buyer.active()) {
            errors.add("buyerOrganizationId", UserErrorCode.INVALID, Message.of("organization.archived"));
        } else if (!BUYER_KINDS.contains(buyer.kind())) {
            errors.add("buyerOrganizationId", UserErrorCode.INVALID,
                    Message.of("sourcing.request.buyerKind"));
        }
        SourcingRequestEntity e = new SourcingRequestEntity();
        e.buyerOrganizationId = buyer.databaseId();
        e.createdByUserId = actor.userId();
        validator.applyCreate(in, e, errors);
        if (errors.hasErrors()) {
            return new SourcingRequestPayload(null, errors.list(), in.clientMutationId());
        }
        repository.saveAndFlush(e);
        outbox.enqueue(OUTBOX_TYPE, e.id, "created");
        outbox.enqueue(MatchDiscoveryHandler.REQUEST_TYPE, e.id, "created");
        publishWebhook(e, WebhookEventType.SOURCING_REQUEST_POSTED);
        return new SourcingRequestPayload(e.toView(), List.of(), in.clientMutationId());
    }

    @Override
    @Transactional
    public SourcingRequestPayload update(SourcingRequestInput in) {
        ValidationErrors errors = new ValidationErrors();
        SourcingRequestEntity e = existing(in.id(), in.expectedVersion(), errors);
        if (e == null) {
            return new SourcingRequestPayload(null, errors.list(), in.clientMutationId());
        }
        if (e.status == Status.CLOSED || e.status == Status.FULFILLED) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("sourcing.request.finished"));
            return new SourcingRequestPayload(null, errors.list(), in.clientMutationId());
        }
        validator.applyUpdate(in, e, errors);
        return save(e, errors, in.clientMutationId(), "updated");
    }

    @Override
    @Transactional
    public SourcingRequestPayload setStatus(String id, Status status, String reason, Long expectedVersion,
                                            String clientMutationId) {
        ValidationErrors errors = new ValidationErrors();
        SourcingRequestEntity e = existing(id, expectedVersion, errors);
        if (e == null) {
            return new SourcingRequestPayload(null, errors.list(), clientMutationId);
        }
        String why = errors.text("reason", reason, 500, false);
        boolean allowed = switch (status) {
            case PAUSED -> e.status == Status.OPEN;
            case OPEN -> e.status == Status.PAUSED;
            case CLOSED, FULFILLED -> e.status == Status.OPEN || e.status == Status.PAUSED;
        };
        if (!allowed) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("sourcing.request.transition", e.status, status));
        } else if (status == Status.OPEN && !e.expiresAt.isAfter(Instant.now())) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("sourcing.request.expired"));
        }
        e.status = status;
        e.statusReason = why;
        return save(e, errors, clientMutationId, status.name().toLowerCase(Locale.ROOT));
    }

    private SourcingRequestPayload save(SourcingRequestEntity e, ValidationErrors errors, String clientMutationId, String event) {
        if (errors.hasErrors()) {
            // The entity is managed and half-changed: roll back so nothing reaches the database.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new SourcingRequestPayload(null, errors.list(), clientMutationId);
        }
        repository.saveAndFlush(e);
        outbox.enqueue(OUTBOX_TYPE, e.id, event);
        if (e.status == Status.OPEN) {
            // Created, changed or resumed: what matches it now may be news to both sides.
            outbox.enqueue(MatchDiscoveryHandler.REQUEST_TYPE, e.id, event);
        }
        publishWebhook(e, WebhookEventType.SOURCING_REQUEST_CHANGED);
        return new SourcingRequestPayload(e.toView(), List.of(), clientMutationId);
    }

    /**
     * Tells partners' endpoints: a public request to every subscriber, an invitation-only one to the buyer and the
     * invited organizations. The fields are those suppliers see: what the buyer marked confidential is left out.
     */
    private void publishWebhook(SourcingRequestEntity entity, WebhookEventType type) {
        SourcingRequest full = entity.toView();
        // What suppliers see in the API: the redacted copy (hidden fields null, no invitation list), and of a request
        // no longer taking offers (paused, closed, fulfilled, expired) nothing but its status.
        SourcingRequest r = full.redacted();
        Map<String, Object> f = new LinkedHashMap<>();
        if (full.acceptingOffers()) {
            f.put("buyerOrganizationId", r.buyerOrganizationId() == null ? null
                    : GlobalId.encode(Organization.TYPE, r.buyerOrganizationId()));
            f.put("title", r.title());
            f.put("details", r.details());
            f.put("categoryCode", r.categoryCode());
            f.put("quantity", r.quantity());
            f.put("unit", r.unit() == null ? null : r.unit().name());
            f.put("frequency", r.frequency() == null ? null : r.frequency().name());
            f.put("deliveryProvinceCode", r.deliveryProvinceCode());
            f.put("certifications", r.certifications() == null ? List.of() : r.certifications().stream().map(Enum::name).toList());
            f.put("minOcopStars", r.minOcopStars());
            f.put("targetMaxPriceVnd", r.targetMaxPriceVnd());
            f.put("windowFrom", String.valueOf(r.windowFrom()));
            f.put("windowTo", String.valueOf(r.windowTo()));
            f.put("expiresAt", String.valueOf(r.expiresAt()));
            f.put("visibility", r.visibility().name());
            f.put("verifiedSuppliersOnly", r.verifiedSuppliersOnly());
            f.put("version", r.version());
        }
        f.put("status", r.status().name());
        List<Long> parties = new ArrayList<>(full.invitedOrganizationIds());
        parties.add(entity.buyerOrganizationId);
        webhooks.publish((r.visibility() == Visibility.PUBLIC ? WebhookEvent.publicEvent(type, r.id(), f)
                : WebhookEvent.toParties(type, r.id(), parties, f)).withFilters(r.deliveryProvinceCode(), r.categoryCode()));
    }

    private SourcingRequestEntity existing(String id, Long expectedVersion, ValidationErrors errors) {
        Access.requireUser();
        Long dbId = GlobalId.tryDecode(id, SourcingRequest.TYPE);
        SourcingRequestEntity e = dbId == null ? null : repository.findById(dbId).orElse(null);
        if (e == null) {
            errors.add("id", UserErrorCode.NOT_FOUND, Message.of("sourcing.request.notFound"));
            return null;
        }
        Access.requireMember(e.buyerOrganizationId);
        if (expectedVersion != null && expectedVersion != e.version) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT,
                    Message.of("sourcing.request.staleVersion", e.version));
            return null;
        }
        return e;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SourcingRequest> findById(long id) {
        return repository.findById(id).map(SourcingRequestEntity::toView);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, SourcingRequest> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findAllById(ids).stream().map(SourcingRequestEntity::toView)
                .collect(Collectors.toMap(SourcingRequest::databaseId, Function.identity()));
    }
}
