package vn.htxconnect.insight.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.htxconnect.catalog.ProductTransfers;
import vn.htxconnect.insight.CooperativeDecision;
import vn.htxconnect.insight.CooperativeDecision.Kind;
import vn.htxconnect.insight.internal.CooperativeDecisionInputs.RecordCooperativeDecisionInput;
import vn.htxconnect.insight.internal.CooperativeDecisionInputs.RecordCooperativeDecisionPayload;
import vn.htxconnect.linkage.LinkageTransfers;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationPayload;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.organization.OrganizationStatus;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

import vn.htxconnect.webhook.WebhookEvent;
import vn.htxconnect.webhook.WebhookEventType;
import vn.htxconnect.webhook.WebhookEvents;
/**
 * Records the Alliance's decisions. DISSOLVED archives the cooperative; MERGED first moves its products and
 * linkages to the cooperative it merged into, then archives it. Everything happens in one transaction with
 * both organizations locked, so a refused or failed decision changes nothing and two crossing mergers
 * (A into B, B into A) cannot both pass.
 */
@Service
class CooperativeDecisionManagement {

    static final int MAX_NOTE = 2000;

    private final CooperativeDecisionStore store;
    private final OrganizationService organizations;
    private final ProductTransfers products;
    private final LinkageTransfers linkages;
    private final WebhookEvents webhooks;

    CooperativeDecisionManagement(CooperativeDecisionStore store, OrganizationService organizations,
                                  ProductTransfers products, LinkageTransfers linkages, WebhookEvents webhooks) {
        this.webhooks = webhooks;
        this.store = store;
        this.organizations = organizations;
        this.products = products;
        this.linkages = linkages;
    }

    @Transactional
    public RecordCooperativeDecisionPayload record(RecordCooperativeDecisionInput in) {
        Actor actor = Access.requireAlliance();
        ValidationErrors errors = new ValidationErrors();
        Long orgId = GlobalId.tryDecode(in.organizationId(), Organization.TYPE);
        Long targetId = in.kind() == Kind.MERGED ? GlobalId.tryDecode(in.mergedIntoOrganizationId(), Organization.TYPE) : null;
        List<Long> ids = new ArrayList<>();
        if (orgId != null) {
            ids.add(orgId);
        }
        if (targetId != null) {
            ids.add(targetId);
        }
        var locked = organizations.lockForUpdate(ids);
        Organization org = orgId == null ? null : locked.get(orgId);
        Organization target = targetId == null ? null : locked.get(targetId);
        if (org == null) {
            errors.add("organizationId", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
        } else if (!org.kind().isCooperative()) {
            errors.add("organizationId", UserErrorCode.INVALID,
                    Message.of("insight.decision.notCooperative"));
        } else if (!org.active()) {
            errors.add("organizationId", UserErrorCode.CONFLICT, Message.of("insight.decision.archived"));
        }
        if (in.kind() == null) {
            errors.add("kind", UserErrorCode.REQUIRED, Message.of("input.required", "kind"));
        }
        String note = errors.text("note", in.note(), MAX_NOTE, in.kind() == Kind.SUPPORT_PLAN);
        if (in.kind() == Kind.MERGED) {
            checkTarget(in.mergedIntoOrganizationId(), orgId, target, errors);
        } else if (in.mergedIntoOrganizationId() != null) {
            errors.add("mergedIntoOrganizationId", UserErrorCode.INVALID, Message.of("insight.decision.mergedIntoOnlyMerged"));
        }
        if (errors.hasErrors()) {
            return RecordCooperativeDecisionPayload.refused(errors.list(), in.clientMutationId());
        }
        CooperativeDecision decision = store.insert(org.databaseId(), in.kind(), target == null ? null : target.databaseId(),
                note, actor.userId(), actor.name(), Instant.now());
        int moved = 0;
        LinkageTransfers.Result transferred = new LinkageTransfers.Result(List.of(), List.of());
        if (in.kind() == Kind.MERGED) {
            moved = products.moveAll(org.databaseId(), target.databaseId()).size();
            transferred = linkages.moveAll(org.databaseId(), target.databaseId());
        }
        if (in.kind() != Kind.SUPPORT_PLAN) {
            // The Alliance decides, the organization module archives: its rule (owners and admins) is for
            // members leaving the platform, so the archiving runs as the application acting on the decision.
            OrganizationPayload archived = Access.asSystem(() ->
                    organizations.setStatus(org.id(), OrganizationStatus.ARCHIVED, null, null));
            if (!archived.errors().isEmpty()) {
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return RecordCooperativeDecisionPayload.refused(archived.errors(), in.clientMutationId());
            }
            // Its activity status is now final (dissolved or merged): the cooperative's own endpoints hear it; the
            // status rules' day-to-day changes are computed when read, so there is no moment to announce them.
            java.util.Map<String, Object> f = new java.util.LinkedHashMap<>();
            f.put("status", in.kind().name());
            f.put("mergedIntoOrganizationId", target == null ? null : target.id());
            f.put("decisionId", decision.id());
            f.put("decidedAt", Instant.now().toString());
            webhooks.publish(WebhookEvent.toParties(WebhookEventType.COOPERATIVE_ACTIVITY_STATUS_CHANGED, org.id(),
                    List.of(org.databaseId()), f).withFilters(org.provinceCode(), null));
        }
        return new RecordCooperativeDecisionPayload(decision, organizations.findById(org.databaseId()).orElseThrow(), moved,
                transferred.moved().size(), transferred.closed().size(), List.of(), in.clientMutationId());
    }

    private static void checkTarget(String given, Long orgId, Organization target, ValidationErrors errors) {
        String field = "mergedIntoOrganizationId";
        if (given == null || given.isBlank()) {
            errors.add(field, UserErrorCode.REQUIRED, Message.of("input.required", field));
        } else if (target == null) {
            errors.add(field, UserErrorCode.NOT_FOUND, Message.of("organization.id.invalid", field));
        } else if (target.databaseId() == (orgId == null ? -1 : orgId)) {
            errors.add(field, UserErrorCode.INVALID, Message.of("insight.decision.mergeSelf"));
        } else if (!target.kind().isCooperative()) {
            errors.add(field, UserErrorCode.INVALID,
                    Message.of("insight.decision.mergeTarget"));
        } else if (!target.active()) {
            errors.add(field, UserErrorCode.CONFLICT, Message.of("insight.decision.targetArchived"));
        }
    }
}
