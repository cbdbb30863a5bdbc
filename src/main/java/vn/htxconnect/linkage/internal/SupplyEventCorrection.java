package vn.htxconnect.linkage.internal;

import static vn.htxconnect.linkage.internal.SupplyEventChecks.linkageUnit;
import static vn.htxconnect.linkage.internal.SupplyEventChecks.lotNumber;
import static vn.htxconnect.linkage.internal.SupplyEventChecks.open;
import static vn.htxconnect.linkage.internal.SupplyEventChecks.parseUnit;
import static vn.htxconnect.linkage.internal.SupplyEventChecks.quantity;
import static vn.htxconnect.linkage.internal.SupplyEventPayloads.refused;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.internal.LotBalance.Change;
import vn.htxconnect.linkage.internal.SupplyEvent.Direction;
import vn.htxconnect.linkage.internal.SupplyEvent.Kind;
import vn.htxconnect.linkage.internal.SupplyEvent.Lot;
import vn.htxconnect.linkage.internal.SupplyEventChecks.Details;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Correction;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Payload;
import vn.htxconnect.linkage.internal.SupplyEventStore.NewEvent;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * Correcting a supply event: a new event of the same kind, on the same linkage and for the same side, that
 * supersedes the one corrected; values left out are kept from it. The latest of a chain of corrections is
 * the one that counts. Same transaction rules as {@link SupplyEventRecording}: one READ COMMITTED
 * transaction under the linkage's row lock (and the organization's lot lock when lots are involved).
 */
@Service
class SupplyEventCorrection {

    private final LinkageRepository linkages;
    private final SupplyEventStore store;
    private final SupplyEventChecks checks;
    private final TransformationLots transformationLots;
    private final LotBalance balance;
    private final SupplyEventPayloads payloads;

    SupplyEventCorrection(LinkageRepository linkages, SupplyEventStore store, SupplyEventChecks checks,
                          TransformationLots transformationLots, LotBalance balance, SupplyEventPayloads payloads) {
        this.linkages = linkages;
        this.store = store;
        this.checks = checks;
        this.transformationLots = transformationLots;
        this.balance = balance;
        this.payloads = payloads;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Payload correct(Correction in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long id = in.eventId() == null ? null : GlobalId.tryDecode(in.eventId(), SupplyEvent.TYPE);
        SupplyEvent original = id == null ? null : store.findByIds(List.of(id)).get(id);
        if (original == null) {
            errors.add("eventId", in.eventId() == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    Message.of("linkage.event.notFound"));
            return refused(errors, in.clientMutationId());
        }
        if (!actor.memberOf(original.organizationId()) && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("linkage.correction.forbidden"));
        }
        LinkageEntity l = lock(original);
        // Read again under the locks: a correction committed meanwhile must be seen.
        original = store.findByIds(List.of(id)).get(id);
        if (original.superseded()) {
            errors.add("eventId", UserErrorCode.CONFLICT, Message.of("linkage.correction.superseded",
                    GlobalId.encode(SupplyEvent.TYPE, original.correctedByEventId())));
            return refused(errors, in.clientMutationId());
        }
        if (l != null) {
            open(l, "eventId", errors);
        }
        Details details = details(in, original, errors);
        return original.kind() == Kind.TRANSFORMED
                ? correctTransformation(in, original, details, actor, errors)
                : correctMovement(in, original, l, details, actor, errors);
    }

    /** The linkage's row lock, and the organization's lot lock unless the event is a shipment (which holds no lots). */
    private LinkageEntity lock(SupplyEvent original) {
        LinkageEntity l = original.linkageId() == null ? null : linkages.lockById(original.linkageId()).orElseThrow();
        if (original.kind() != Kind.SHIPPED) {
            store.lockLots(original.organizationId());
        }
        return l;
    }

    /** When and where: given values replace the original's; a point is replaced whole. The note is never kept. */
    private Details details(Correction in, SupplyEvent original, ValidationErrors errors) {
        boolean pointGiven = in.lat() != null || in.lon() != null;
        return checks.details(in.occurredAt() != null ? in.occurredAt() : original.occurredAt(),
                in.place() != null ? in.place() : original.place(),
                in.province() != null ? in.province() : original.provinceCode(),
                pointGiven ? in.lat() : original.lat(), pointGiven ? in.lon() : original.lon(), in.note(), errors);
    }

    /** A transformation's quantities are per lot: lots given replace the original's of that direction. */
    private Payload correctTransformation(Correction in, SupplyEvent original, Details details, Actor actor,
                                          ValidationErrors errors) {
        long org = original.organizationId();
        for (Map.Entry<String, Object> f : nonNull(Map.of("quantity", in.quantity(), "unit", in.unit(), "lotNumber", in.lotNumber()))) {
            errors.add(f.getKey(), UserErrorCode.INVALID, Message.of("linkage.correction.perLot"));
        }
        List<Lot> before = store.lots(List.of(original.databaseId())).getOrDefault(original.databaseId(), List.of());
        List<Change> lots = transformationLots.changes(org,
                in.inputs() != null ? in.inputs() : TransformationLots.asInputs(before, Direction.INPUT),
                in.outputs() != null ? in.outputs() : TransformationLots.asInputs(before, Direction.OUTPUT), errors);
        if (!errors.hasErrors()) {
            Set<String> touched = new LinkedHashSet<>();
            before.forEach(b -> touched.add(b.lotNumber()));
            balance.check(org, lots, original.databaseId(), touched, "outputs", errors);
        }
        if (errors.hasErrors()) {
            return refused(errors, in.clientMutationId());
        }
        long eventId = store.insert(new NewEvent(Kind.TRANSFORMED, null, org, details.occurredAt(), null, null, null,
                details.place(), details.provinceCode(), details.lat(), details.lon(), original.databaseId(), details.note(),
                actor.userId()));
        store.insertLots(eventId, TransformationLots.stored(eventId, lots));
        return payloads.recorded(eventId, null, actor, in.clientMutationId());
    }

    /** A shipment or receipt: quantity, unit and lot number given replace the original's. */
    private Payload correctMovement(Correction in, SupplyEvent original, LinkageEntity l, Details details, Actor actor,
                                    ValidationErrors errors) {
        long org = original.organizationId();
        if (in.inputs() != null) {
            errors.add("inputs", UserErrorCode.INVALID, Message.of("linkage.correction.lotsOnlyTransformations"));
        }
        if (in.outputs() != null) {
            errors.add("outputs", UserErrorCode.INVALID, Message.of("linkage.correction.lotsOnlyTransformations"));
        }
        BigDecimal quantity = quantity("quantity", in.quantity() != null ? in.quantity() : original.quantity(), errors);
        String lot = lotNumber("lotNumber", in.lotNumber() != null ? in.lotNumber() : original.lotNumber(), errors);
        Unit unit = linkageUnit("unit", in.unit() != null ? parseUnit("unit", in.unit(), errors) : original.unit(), l.unit, errors);
        if (original.kind() == Kind.RECEIVED && !errors.hasErrors()) {
            // A smaller or moved receipt must still cover what transformations already used of the lot.
            balance.check(org, List.of(Change.receipt(lot, quantity.doubleValue(), unit)), original.databaseId(),
                    Set.of(original.lotNumber()), lot.equals(original.lotNumber()) ? "quantity" : "lotNumber", errors);
        }
        if (errors.hasErrors()) {
            return refused(errors, in.clientMutationId());
        }
        long eventId = store.insert(new NewEvent(original.kind(), l.id, org, details.occurredAt(), quantity, unit, lot,
                details.place(), details.provinceCode(), details.lat(), details.lon(), original.databaseId(), details.note(),
                actor.userId()));
        return payloads.recorded(eventId, l, actor, in.clientMutationId());
    }

    private static List<Map.Entry<String, Object>> nonNull(Map<String, Object> values) {
        return values.entrySet().stream().filter(e -> e.getValue() != null).sorted(Map.Entry.comparingByKey()).toList();
    }
}
