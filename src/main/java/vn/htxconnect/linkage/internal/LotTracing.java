package vn.htxconnect.linkage.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.linkage.internal.SupplyEvent.Kind;
import vn.htxconnect.linkage.internal.SupplyEventStore.LinkageEdge;
import vn.htxconnect.linkage.internal.SupplyEventStore.TransformationEdge;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.GlobalId;

/**
 * Follows a lot through effective supply events, breadth first, one level of the trace per two SQL
 * statements (linkage events, transformations) whatever the number of lots at that level. Lot numbers
 * carry across a linkage unchanged (the customer's lot is the supplier's lot number); a transformation links
 * its input lots to its output lots at one organization. Every (organization, lot) is visited once, so
 * cycles end; depth and size are bounded.
 */
@Service
class LotTracing {

    static final int MAX_DEPTH = 20;
    static final int MAX_NODES = 500;

    private record Key(long organizationId, String lotNumber) {
    }

    /** An edge found, from the upstream lot to the downstream one. */
    private record Raw(Kind kind, long eventId, Long linkageId, Key from, Key to, double quantity, Unit unit,
                       Double consumedQuantity, Unit consumedUnit, OffsetDateTime occurredAt, boolean quantitiesVisible) {
    }

    private final SupplyEventStore store;
    private final OrganizationService organizations;

    LotTracing(SupplyEventStore store, OrganizationService organizations) {
        this.store = store;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public LotTrace trace(Actor actor, long organizationId, String lotNumber, LotTrace.Direction direction, int maxDepth) {
        boolean backward = direction == LotTrace.Direction.BACKWARD;
        Key start = new Key(organizationId, lotNumber);
        Map<Key, Integer> depth = new LinkedHashMap<>();
        depth.put(start, 0);
        Set<Key> followed = new HashSet<>();
        Map<Key, Stage> stages = new HashMap<>();
        List<Raw> raw = new ArrayList<>();
        boolean truncated = false;
        List<Key> frontier = List.of(start);
        for (int d = 1; d <= maxDepth && !frontier.isEmpty(); d++) {
            List<Key> next = new ArrayList<>();
            for (Raw r : expand(actor, frontier, backward, stages)) {
                Key here = backward ? r.to() : r.from();
                Key there = backward ? r.from() : r.to();
                followed.add(here);
                if (!depth.containsKey(there)) {
                    if (depth.size() >= MAX_NODES) {
                        truncated = true;
                        continue;
                    }
                    depth.put(there, d);
                    next.add(there);
                }
                raw.add(r);
            }
            frontier = next;
        }
        if (!frontier.isEmpty()) {
            // The depth bound was reached: tell lots with more to follow from true ends.
            for (Raw r : expand(actor, frontier, backward, stages)) {
                followed.add(backward ? r.to() : r.from());
                truncated |= !depth.containsKey(backward ? r.from() : r.to());
            }
        }
        Map<Long, Organization> orgs = organizations.findByIds(depth.keySet().stream().map(Key::organizationId).distinct().toList());
        List<LotTrace.Node> nodes = new ArrayList<>(depth.size());
        depth.forEach((k, d) -> {
            Organization o = orgs.get(k.organizationId());
            Stage stage = stages.containsKey(k) ? stages.get(k) : o == null ? null : LinkageTerms.defaultStage(o.kind());
            nodes.add(new LotTrace.Node(o, k.lotNumber(), stage, d, !followed.contains(k)));
        });
        List<LotTrace.Step> steps = raw.stream().map(r -> new LotTrace.Step(r.kind(), GlobalId.encode(SupplyEvent.TYPE, r.eventId()),
                r.linkageId() == null ? null : GlobalId.encode(Linkage.TYPE, r.linkageId()), orgs.get(r.from().organizationId()),
                r.from().lotNumber(), orgs.get(r.to().organizationId()), r.to().lotNumber(),
                r.quantitiesVisible() ? r.quantity() : null, r.quantitiesVisible() ? r.unit() : null,
                r.quantitiesVisible() ? r.consumedQuantity() : null, r.quantitiesVisible() ? r.consumedUnit() : null,
                r.occurredAt())).toList();
        return new LotTrace(direction, nodes, steps, truncated);
    }

    /**
     * The edges into (backward) or out of (forward) the given lots. The SQL matches organizations and lot
     * numbers as two sets; only the exact pairs are kept. Linkage edges also tell each side's stage.
     */
    private List<Raw> expand(Actor actor, List<Key> lots, boolean backward, Map<Key, Stage> stages) {
        Set<Key> wanted = new HashSet<>(lots);
        List<Long> orgs = lots.stream().map(Key::organizationId).distinct().toList();
        List<String> numbers = lots.stream().map(Key::lotNumber).distinct().toList();
        List<Raw> out = new ArrayList<>();
        for (LinkageEdge e : store.linkageEdges(orgs, numbers, backward)) {
            Key from = new Key(e.supplierOrganizationId(), e.lotNumber());
            Key to = new Key(e.customerOrganizationId(), e.lotNumber());
            if (!wanted.contains(backward ? to : from)) {
                continue;
            }
            stages.putIfAbsent(from, e.supplierStage());
            stages.putIfAbsent(to, e.customerStage());
            boolean visible = actor.isAlliance() || actor.memberOf(e.supplierOrganizationId())
                    || actor.memberOf(e.customerOrganizationId());
            out.add(new Raw(e.kind(), e.eventId(), e.linkageId(), from, to, e.quantity(), e.unit(), null, null,
                    e.occurredAt(), visible));
        }
        for (TransformationEdge e : store.transformationEdges(orgs, numbers, backward)) {
            Key from = new Key(e.organizationId(), e.inputLot());
            Key to = new Key(e.organizationId(), e.outputLot());
            if (!wanted.contains(backward ? to : from)) {
                continue;
            }
            boolean visible = actor.isAlliance() || actor.memberOf(e.organizationId());
            out.add(new Raw(Kind.TRANSFORMED, e.eventId(), null, from, to, e.outputQuantity(), e.outputUnit(),
                    e.inputQuantity(), e.inputUnit(), e.occurredAt(), visible));
        }
        return out;
    }
}
