package vn.htxconnect.linkage.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Action;
import vn.htxconnect.linkage.LinkageEnums.Origin;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.linkage.LinkageInput;
import vn.htxconnect.linkage.LinkagePayload;
import vn.htxconnect.linkage.OriginReferences;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * How linkages begin: proposed by a side or recorded by the Alliance, or opened by the system from an agreed
 * deal. The proposer's side is confirmed at once; the linkage is ACTIVE if both sides are.
 */
@Component
class LinkageProposals {

    private static final Logger log = LoggerFactory.getLogger(LinkageProposals.class);

    private final LinkageRepository repository;
    private final LinkageHistory history;
    private final LinkageTerms terms;
    private final LinkageAnnouncements announcements;
    private final List<OriginReferences> origins;
    private final LinkageWebhooks webhooks;

    LinkageProposals(LinkageRepository repository, LinkageHistory history, LinkageTerms terms,
                     LinkageAnnouncements announcements, List<OriginReferences> origins, LinkageWebhooks webhooks) {
        this.webhooks = webhooks;
        this.repository = repository;
        this.history = history;
        this.terms = terms;
        this.announcements = announcements;
        this.origins = origins;
    }

    @Transactional
    public LinkagePayload propose(LinkageInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Organization supplier = terms.side("supplierOrganizationId", in.supplierOrganizationId(), errors);
        Organization customer = terms.side("customerOrganizationId", in.customerOrganizationId(), errors);
        if (supplier != null && customer != null && supplier.databaseId() == customer.databaseId()) {
            errors.add("customerOrganizationId", UserErrorCode.INVALID, Message.of("linkage.side.self"));
        }
        boolean forSupplier = supplier != null && actor.memberOf(supplier.databaseId());
        boolean forCustomer = customer != null && actor.memberOf(customer.databaseId());
        Origin origin = in.origin() == null ? (forSupplier || forCustomer ? Origin.DIRECT : Origin.ALLIANCE) : in.origin();
        if (supplier != null && customer != null && !forSupplier && !forCustomer && !actor.isAlliance()) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("linkage.propose.notMember"));
        }
        LinkageEntity e = new LinkageEntity();
        origin(e, origin, in.originRef(), actor, errors);
        e.proposedByUserId = actor.userId();
        terms.fill(e, in, supplier, customer, errors);
        if (errors.hasErrors()) {
            return new LinkagePayload(null, errors.list(), in.clientMutationId());
        }
        Instant now = Instant.now();
        // The proposer's side agrees by proposing; the Alliance recording a linkage speaks for neither side.
        if (origin != Origin.ALLIANCE) {
            if (forSupplier) {
                e.supplierConfirmedAt = now;
            }
            if (forCustomer) {
                e.customerConfirmedAt = now;
            }
        }
        e.status = Status.PROPOSED;
        LinkageTransitions.activateIfConfirmed(e, now);
        repository.saveAndFlush(e);
        Long side = forSupplier ? Long.valueOf(e.supplierOrganizationId) : forCustomer ? Long.valueOf(e.customerOrganizationId) : null;
        history.record(e.id, Action.PROPOSE, null, Status.PROPOSED, side, actor, null, now);
        if (e.status == Status.ACTIVE) {
            history.record(e.id, Action.CONFIRM, Status.PROPOSED, Status.ACTIVE, side, actor, null, now);
        }
        announcements.announce(e, actor, supplier, customer);
        webhooks.publish(e);
        return new LinkagePayload(e.toView(), List.of(), in.clientMutationId());
    }

    /**
     * Where a proposed linkage comes from: quotes open theirs by acceptance, only the Alliance records as
     * ALLIANCE, and a trade fair reference must name an existing event.
     */
    private void origin(LinkageEntity e, Origin origin, String ref, Actor actor, ValidationErrors errors) {
        if (origin == Origin.QUOTE) {
            errors.add("origin", UserErrorCode.INVALID, Message.of("linkage.origin.quote"));
        } else if (origin == Origin.ALLIANCE && !actor.isAlliance()) {
            errors.add("origin", UserErrorCode.FORBIDDEN, Message.of("linkage.origin.alliance"));
        }
        e.origin = origin;
        e.originRef = errors.text("originRef", ref, 100, origin == Origin.TRADE_FAIR);
        if (e.originRef != null && origin == Origin.TRADE_FAIR && origins.stream()
                .noneMatch(o -> o.origin() == Origin.TRADE_FAIR && o.exists(e.originRef))) {
            errors.add("originRef", UserErrorCode.NOT_FOUND, Message.of("linkage.origin.eventNotFound"));
        }
    }

    /**
     * A linkage opened by the system from an agreed deal (an accepted quote): PROPOSED with the sides that
     * already agreed confirmed. Idempotent on (origin, originRef): the same deal never opens two linkages.
     */
    @Transactional
    public Optional<Linkage> openFromDeal(LinkageInput in, boolean supplierAgreed, boolean customerAgreed, Actor actor) {
        Origin origin = in.origin();
        if (repository.findByOriginAndOriginRef(origin, in.originRef()).isPresent()) {
            return Optional.empty();
        }
        ValidationErrors errors = new ValidationErrors();
        Organization supplier = terms.side("supplierOrganizationId", in.supplierOrganizationId(), errors);
        Organization customer = terms.side("customerOrganizationId", in.customerOrganizationId(), errors);
        LinkageEntity e = new LinkageEntity();
        e.origin = origin;
        e.originRef = in.originRef();
        e.proposedByUserId = actor.userId();
        terms.fill(e, in, supplier, customer, errors);
        if (errors.hasErrors()) {
            // Never undo the deal itself for this: the parties can still propose the linkage by hand.
            log.warn("Deal {} does not make a valid linkage, none opened: {}", in.originRef(), errors.list());
            return Optional.empty();
        }
        Instant now = Instant.now();
        e.supplierConfirmedAt = supplierAgreed ? now : null;
        e.customerConfirmedAt = customerAgreed ? now : null;
        e.status = Status.PROPOSED;
        repository.saveAndFlush(e);
        history.record(e.id, Action.PROPOSE, null, Status.PROPOSED, null, actor, "Opened from " + origin + " " + in.originRef(), now);
        webhooks.publish(e);
        return Optional.of(e.toView());
    }
}
