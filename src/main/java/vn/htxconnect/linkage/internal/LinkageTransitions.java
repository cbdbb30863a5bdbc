package vn.htxconnect.linkage.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Action;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.linkage.LinkagePayload;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * Moving a linkage through its lifecycle: a side is confirmed by a member acting for it and the linkage
 * becomes ACTIVE when both are; it can be rejected, suspended, resumed and ended. Every status change writes
 * a history row in the same transaction, under the linkage's row lock; a refused change writes nothing.
 */
@Component
class LinkageTransitions {

    private final LinkageRepository repository;
    private final LinkageHistory history;
    private final OrganizationService organizations;
    private final LinkageAnnouncements announcements;
    private final LinkageWebhooks webhooks;

    LinkageTransitions(LinkageRepository repository, LinkageHistory history, OrganizationService organizations,
                       LinkageAnnouncements announcements, LinkageWebhooks webhooks) {
        this.webhooks = webhooks;
        this.repository = repository;
        this.history = history;
        this.organizations = organizations;
        this.announcements = announcements;
    }

    @Transactional
    public LinkagePayload act(String id, Action action, String actingOrganizationId, String reason, Long expectedVersion,
                              String clientMutationId) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long dbId = GlobalId.tryDecode(id, Linkage.TYPE);
        LinkageEntity e = dbId == null ? null : repository.lockById(dbId).orElse(null);
        if (e == null) {
            errors.add("id", UserErrorCode.NOT_FOUND, Message.of("linkage.notFound"));
            return new LinkagePayload(null, errors.list(), clientMutationId);
        }
        Long side = side(e, actor, actingOrganizationId, action);
        String why = errors.text("reason", reason, 500, false);
        if (expectedVersion != null && expectedVersion != e.version) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT,
                    Message.of("linkage.staleVersion", e.version));
            return new LinkagePayload(null, errors.list(), clientMutationId);
        }
        Status from = e.status;
        Instant now = Instant.now();
        Status to = switch (action) {
            case CONFIRM -> confirm(e, side, now, errors);
            case REJECT -> from == Status.PROPOSED ? Status.REJECTED : refuse(from, action, errors);
            case SUSPEND -> from == Status.ACTIVE ? Status.SUSPENDED : refuse(from, action, errors);
            case RESUME -> from == Status.SUSPENDED ? Status.ACTIVE : refuse(from, action, errors);
            case END -> from == Status.ACTIVE || from == Status.SUSPENDED ? Status.ENDED : refuse(from, action, errors);
            case PROPOSE -> refuse(from, action, errors);
        };
        if (errors.hasErrors()) {
            return new LinkagePayload(null, errors.list(), clientMutationId);
        }
        e.status = to;
        if (to == Status.ACTIVE && e.activatedAt == null) {
            e.activatedAt = now;
        }
        repository.saveAndFlush(e);
        history.record(e.id, action, from, to, side, actor, why, now);
        if (to != from) {
            webhooks.publish(e);
        }
        if (action == Action.CONFIRM && to == Status.ACTIVE) {
            announcements.announce(e, actor, organizations.findById(e.supplierOrganizationId).orElseThrow(),
                    organizations.findById(e.customerOrganizationId).orElseThrow());
        }
        return new LinkagePayload(e.toView(), List.of(), clientMutationId);
    }

    /**
     * The side the caller acts for: the one given (the caller must be its member, or the Alliance), else
     * the one it is a member of. The Alliance may suspend or end without a side; confirming needs one.
     */
    private static Long side(LinkageEntity e, Actor actor, String acting, Action action) {
        if (acting != null) {
            long org = GlobalId.decode("actingOrganizationId", acting, Organization.TYPE);
            if (org != e.supplierOrganizationId && org != e.customerOrganizationId) {
                throw ApiException.badRequest("actingOrganizationId", Message.of("linkage.acting.notASide"));
            }
            if (!actor.memberOf(org) && !actor.isAdmin()) {
                throw new ApiException(ErrorCode.FORBIDDEN, Message.of("linkage.acting.notMember"));
            }
            return org;
        }
        boolean supplier = actor.memberOf(e.supplierOrganizationId);
        boolean customer = actor.memberOf(e.customerOrganizationId);
        if (supplier && customer) {
            throw ApiException.badRequest("actingOrganizationId", Message.of("linkage.acting.bothSides"));
        }
        if (supplier || customer) {
            return supplier ? e.supplierOrganizationId : e.customerOrganizationId;
        }
        if (actor.isAlliance() && action != Action.CONFIRM) {
            return null;
        }
        throw new ApiException(ErrorCode.FORBIDDEN, Message.of("linkage.acting.forbidden"));
    }

    private static Status confirm(LinkageEntity e, Long side, Instant now, ValidationErrors errors) {
        if (e.status != Status.PROPOSED) {
            return refuse(e.status, Action.CONFIRM, errors);
        }
        boolean supplierSide = side == e.supplierOrganizationId;
        Instant already = supplierSide ? e.supplierConfirmedAt : e.customerConfirmedAt;
        if (already != null) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("linkage.confirm.otherSide"));
            return e.status;
        }
        if (supplierSide) {
            e.supplierConfirmedAt = now;
        } else {
            e.customerConfirmedAt = now;
        }
        activateIfConfirmed(e, now);
        return e.status;
    }

    /** A linkage both sides confirmed is ACTIVE, whether by proposing or confirming. */
    static void activateIfConfirmed(LinkageEntity e, Instant now) {
        if (e.supplierConfirmedAt != null && e.customerConfirmedAt != null) {
            e.status = Status.ACTIVE;
            e.activatedAt = now;
        }
    }

    private static Status refuse(Status from, Action action, ValidationErrors errors) {
        errors.add("id", UserErrorCode.CONFLICT, refusal(action, from));
        return from;
    }

    private static Message refusal(Action a, Status from) {
        return switch (a) {
            case PROPOSE -> Message.of("linkage.transition.propose", from);
            case CONFIRM -> Message.of("linkage.transition.confirm", from);
            case REJECT -> Message.of("linkage.transition.reject", from);
            case SUSPEND -> Message.of("linkage.transition.suspend", from);
            case RESUME -> Message.of("linkage.transition.resume", from);
            case END -> Message.of("linkage.transition.end", from);
        };
    }
}
