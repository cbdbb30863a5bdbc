package vn.htxconnect.linkage.internal;

import static vn.htxconnect.linkage.internal.SupplyEventChecks.linkageUnit;
import static vn.htxconnect.linkage.internal.SupplyEventChecks.lotNumber;
import static vn.htxconnect.linkage.internal.SupplyEventChecks.open;
import static vn.htxconnect.linkage.internal.SupplyEventChecks.parseUnit;
import static vn.htxconnect.linkage.internal.SupplyEventChecks.quantity;
import static vn.htxconnect.linkage.internal.SupplyEventPayloads.refused;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.internal.LotBalance.Change;
import vn.htxconnect.linkage.internal.SupplyEvent.Kind;
import vn.htxconnect.linkage.internal.SupplyEventChecks.Details;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Movement;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Payload;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Transformation;
import vn.htxconnect.linkage.internal.SupplyEventStore.NewEvent;
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
 * Recording new supply events: shipments by the supplier's side, receipts by the customer's and
 * transformations by the processing organization. Each write is one transaction that also recomputes the
 * linkage's delivered quantity and last activity under the linkage's row lock; a refused write leaves
 * nothing behind. Runs READ COMMITTED so that what a writer reads after taking its lock is what the
 * previous writer committed. Corrections are {@link SupplyEventCorrection}'s.
 */
@Service
class SupplyEventRecording {

    private final LinkageRepository linkages;
    private final SupplyEventStore store;
    private final OrganizationService organizations;
    private final SupplyEventChecks checks;
    private final TransformationLots transformationLots;
    private final LotBalance balance;
    private final SupplyEventPayloads payloads;

    SupplyEventRecording(LinkageRepository linkages, SupplyEventStore store, OrganizationService organizations,
                         SupplyEventChecks checks, TransformationLots transformationLots, LotBalance balance,
                         SupplyEventPayloads payloads) {
        this.linkages = linkages;
        this.store = store;
        this.organizations = organizations;
        this.checks = checks;
        this.transformationLots = transformationLots;
        this.balance = balance;
        this.payloads = payloads;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Payload recordMovement(Kind kind, Movement in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long id = in.linkageId() == null ? null : GlobalId.tryDecode(in.linkageId(), Linkage.TYPE);
        LinkageEntity l = id == null ? null : linkages.lockById(id).orElse(null);
        if (l == null) {
            errors.add("linkageId", in.linkageId() == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    Message.of("linkage.notFound"));
            return refused(errors, in.clientMutationId());
        }
        long side = kind == Kind.SHIPPED ? l.supplierOrganizationId : l.customerOrganizationId;
        if (!actor.memberOf(side) && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, kind == Kind.SHIPPED
                    ? Message.of("linkage.event.shipmentForbidden") : Message.of("linkage.event.receiptForbidden"));
        }
        open(l, "linkageId", errors);
        BigDecimal quantity = quantity("quantity", in.quantity(), errors);
        String lot = lotNumber("lotNumber", in.lotNumber(), errors);
        Unit unit = linkageUnit("unit", parseUnit("unit", in.unit(), errors), l.unit, errors);
        Details details = checks.details(in.occurredAt(), in.place(), in.province(), in.lat(), in.lon(), in.note(), errors);
        if (kind == Kind.RECEIVED && !errors.hasErrors()) {
            // Only to keep one unit dimension per lot at the customer; adding to a lot cannot overdraw it.
            balance.check(side, List.of(Change.receipt(lot, quantity.doubleValue(), unit)), -1, Set.of(), "quantity", errors);
        }
        if (errors.hasErrors()) {
            return refused(errors, in.clientMutationId());
        }
        long eventId = store.insert(new NewEvent(kind, l.id, side, details.occurredAt(), quantity, unit, lot, details.place(),
                details.provinceCode(), details.lat(), details.lon(), null, details.note(), actor.userId()));
        return payloads.recorded(eventId, l, actor, in.clientMutationId());
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Payload recordTransformation(Transformation in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long orgId = in.organizationId() == null ? null : GlobalId.tryDecode(in.organizationId(), Organization.TYPE);
        Organization org = orgId == null ? null : organizations.findById(orgId).orElse(null);
        if (org == null) {
            errors.add("organizationId", in.organizationId() == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    Message.of("organization.id.invalid", "organizationId"));
            return refused(errors, in.clientMutationId());
        }
        if (!actor.memberOf(org.databaseId()) && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("linkage.event.transformationForbidden"));
        }
        if (!org.active()) {
            errors.add("organizationId", UserErrorCode.INVALID, Message.of("organization.archived"));
        }
        List<Change> lots = transformationLots.changes(org.databaseId(), in.inputs(), in.outputs(), errors);
        Details details = checks.details(in.occurredAt(), in.place(), in.province(), in.lat(), in.lon(), in.note(), errors);
        if (errors.hasErrors()) {
            return refused(errors, in.clientMutationId());
        }
        store.lockLots(org.databaseId());
        balance.check(org.databaseId(), lots, -1, Set.of(), "outputs", errors);
        if (errors.hasErrors()) {
            return refused(errors, in.clientMutationId());
        }
        long eventId = store.insert(new NewEvent(Kind.TRANSFORMED, null, org.databaseId(), details.occurredAt(), null, null, null,
                details.place(), details.provinceCode(), details.lat(), details.lon(), null, details.note(), actor.userId()));
        store.insertLots(eventId, TransformationLots.stored(eventId, lots));
        return payloads.recorded(eventId, null, actor, in.clientMutationId());
    }
}
