package vn.htxconnect.linkage.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.linkage.internal.SupplyEvent.Direction;
import vn.htxconnect.linkage.internal.SupplyEvent.Kind;
import vn.htxconnect.linkage.internal.SupplyEvent.Lot;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Correction;
import vn.htxconnect.linkage.internal.SupplyEventInputs.LotInput;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Movement;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Payload;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Transformation;
import vn.htxconnect.linkage.internal.SupplyEventStore.LotRow;
import vn.htxconnect.linkage.internal.SupplyEventStore.NewEvent;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * Recording supply events: shipments by the supplier's side, receipts by the customer's, transformations
 * by the processing organization, and corrections (new events that supersede the one they correct). Each
 * write is one transaction that also recomputes the linkage's delivered quantity and last activity under
 * the linkage's row lock; a refused write leaves nothing behind. Runs READ COMMITTED so that what a
 * writer reads after taking its lock is what the previous writer committed.
 */
@Service
class SupplyEvents {

    /** Clocks of phones in the field run a little ahead; later than this is the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final double MAX_QUANTITY = 1e9;
    static final int MAX_LOTS = 50;
    static final int MAX_LOT_NUMBER = 100;

    private final LinkageRepository linkages;
    private final SupplyEventStore store;
    private final OrganizationService organizations;
    private final ProductService products;
    private final ProvinceService provinces;

    SupplyEvents(LinkageRepository linkages, SupplyEventStore store, OrganizationService organizations,
                 ProductService products, ProvinceService provinces) {
        this.linkages = linkages;
        this.store = store;
        this.organizations = organizations;
        this.products = products;
        this.provinces = provinces;
    }

    /** Where and when, checked. */
    private record Details(OffsetDateTime occurredAt, String place, String provinceCode, Double lat, Double lon, String note) {
    }

    /**
     * A quantity of a lot an event adds to an organization's holding ({@code use} false: received or made)
     * or takes from it (used up by a transformation); {@code field} is the input path errors name.
     */
    private record Change(String field, Direction direction, String lotNumber, double quantity, Unit unit, Long productId,
                          boolean use) {

        String path(String name) {
            return field.isEmpty() ? name : field + "." + name;
        }
    }

    /** Who may see an event: the Alliance, the recording side and, for linkage events, both sides. */
    static boolean visible(Actor a, SupplyEvent e, Linkage linkage) {
        return a.isAlliance() || a.memberOf(e.organizationId()) || linkage != null && LinkageController.party(a, linkage);
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Payload recordMovement(Kind kind, Movement in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long id = in.linkageId() == null ? null : GlobalId.tryDecode(in.linkageId(), Linkage.TYPE);
        LinkageEntity l = id == null ? null : linkages.lockById(id).orElse(null);
        if (l == null) {
            errors.add("linkageId", in.linkageId() == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    "No supply linkage with this ID");
            return refused(errors, in.clientMutationId());
        }
        long side = kind == Kind.SHIPPED ? l.supplierOrganizationId : l.customerOrganizationId;
        if (!actor.memberOf(side) && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, kind == Kind.SHIPPED
                    ? "Shipments are recorded by members of the supplier" : "Receipts are recorded by members of the customer");
        }
        open(l, "linkageId", errors);
        BigDecimal quantity = quantity("quantity", in.quantity(), errors);
        String lot = lotNumber("lotNumber", in.lotNumber(), errors);
        Unit unit = linkageUnit("unit", parseUnit("unit", in.unit(), errors), l.unit, errors);
        Details details = details(in.occurredAt(), in.place(), in.province(), in.lat(), in.lon(), in.note(), errors);
        if (kind == Kind.RECEIVED && !errors.hasErrors()) {
            // Only to keep one unit dimension per lot at the customer; adding to a lot cannot overdraw it.
            balance(side, List.of(new Change("", null, lot, quantity.doubleValue(), unit, null, false)), -1, Set.of(), "quantity", errors);
        }
        if (errors.hasErrors()) {
            return refused(errors, in.clientMutationId());
        }
        long eventId = store.insert(new NewEvent(kind, l.id, side, details.occurredAt(), quantity, unit, lot, details.place(),
                details.provinceCode(), details.lat(), details.lon(), null, details.note(), actor.userId()));
        return recorded(eventId, l, actor, in.clientMutationId());
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Payload recordTransformation(Transformation in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long orgId = in.organizationId() == null ? null : GlobalId.tryDecode(in.organizationId(), Organization.TYPE);
        Organization org = orgId == null ? null : organizations.findById(orgId).orElse(null);
        if (org == null) {
            errors.add("organizationId", in.organizationId() == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    "organizationId must be the ID of an organization");
            return refused(errors, in.clientMutationId());
        }
        if (!actor.memberOf(org.databaseId()) && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Transformations are recorded by members of the processing organization");
        }
        if (!org.active()) {
            errors.add("organizationId", UserErrorCode.INVALID, "The organization is archived");
        }
        List<Change> lots = lots(org.databaseId(), in.inputs(), in.outputs(), errors);
        Details details = details(in.occurredAt(), in.place(), in.province(), in.lat(), in.lon(), in.note(), errors);
        if (errors.hasErrors()) {
            return refused(errors, in.clientMutationId());
        }
        store.lockLots(org.databaseId());
        balance(org.databaseId(), lots, -1, Set.of(), "outputs", errors);
        if (errors.hasErrors()) {
            return refused(errors, in.clientMutationId());
        }
        long eventId = store.insert(new NewEvent(Kind.TRANSFORMED, null, org.databaseId(), details.occurredAt(), null, null, null,
                details.place(), details.provinceCode(), details.lat(), details.lon(), null, details.note(), actor.userId()));
        store.insertLots(eventId, lots.stream().map(c -> new Lot(eventId, c.direction(), c.lotNumber(), c.quantity(), c.unit(),
                c.productId())).toList());
        return recorded(eventId, null, actor, in.clientMutationId());
    }

    /**
     * A new event of the same kind, on the same linkage and for the same side, that supersedes the one
     * corrected; values left out are kept from it. The latest of a chain of corrections is the one that counts.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Payload correct(Correction in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long id = in.eventId() == null ? null : GlobalId.tryDecode(in.eventId(), SupplyEvent.TYPE);
        SupplyEvent original = id == null ? null : store.findByIds(List.of(id)).get(id);
        if (original == null) {
            errors.add("eventId", in.eventId() == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND, "No supply event with this ID");
            return refused(errors, in.clientMutationId());
        }
        if (!actor.memberOf(original.organizationId()) && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only members of the side that recorded an event may correct it");
        }
        LinkageEntity l = original.linkageId() == null ? null : linkages.lockById(original.linkageId()).orElseThrow();
        if (original.kind() != Kind.SHIPPED) {
            store.lockLots(original.organizationId());
        }
        // Read again under the locks: a correction committed meanwhile must be seen.
        original = store.findByIds(List.of(id)).get(id);
        if (original.superseded()) {
            errors.add("eventId", UserErrorCode.CONFLICT, "This event was already corrected; correct its latest correction ("
                    + GlobalId.encode(SupplyEvent.TYPE, original.correctedByEventId()) + ")");
            return refused(errors, in.clientMutationId());
        }
        if (l != null) {
            open(l, "eventId", errors);
        }
        boolean pointGiven = in.lat() != null || in.lon() != null;
        Details details = details(in.occurredAt() != null ? in.occurredAt() : original.occurredAt(),
                in.place() != null ? in.place() : original.place(),
                in.province() != null ? in.province() : original.provinceCode(),
                pointGiven ? in.lat() : original.lat(), pointGiven ? in.lon() : original.lon(), in.note(), errors);
        long org = original.organizationId();
        if (original.kind() == Kind.TRANSFORMED) {
            for (Map.Entry<String, Object> f : nonNull(Map.of("quantity", in.quantity(), "unit", in.unit(), "lotNumber", in.lotNumber()))) {
                errors.add(f.getKey(), UserErrorCode.INVALID, "A transformation's quantities are given per lot, in inputs and outputs");
            }
            List<Lot> before = store.lots(List.of(original.databaseId())).getOrDefault(original.databaseId(), List.of());
            List<Change> lots = lots(org, in.inputs() != null ? in.inputs() : asInputs(before, Direction.INPUT),
                    in.outputs() != null ? in.outputs() : asInputs(before, Direction.OUTPUT), errors);
            if (!errors.hasErrors()) {
                Set<String> touched = new LinkedHashSet<>();
                before.forEach(b -> touched.add(b.lotNumber()));
                balance(org, lots, original.databaseId(), touched, "outputs", errors);
            }
            if (errors.hasErrors()) {
                return refused(errors, in.clientMutationId());
            }
            long eventId = store.insert(new NewEvent(Kind.TRANSFORMED, null, org, details.occurredAt(), null, null, null,
                    details.place(), details.provinceCode(), details.lat(), details.lon(), original.databaseId(), details.note(),
                    actor.userId()));
            store.insertLots(eventId, lots.stream().map(c -> new Lot(eventId, c.direction(), c.lotNumber(), c.quantity(),
                    c.unit(), c.productId())).toList());
            return recorded(eventId, null, actor, in.clientMutationId());
        }
        if (in.inputs() != null) {
            errors.add("inputs", UserErrorCode.INVALID, "Only transformations have input and output lots");
        }
        if (in.outputs() != null) {
            errors.add("outputs", UserErrorCode.INVALID, "Only transformations have input and output lots");
        }
        BigDecimal quantity = quantity("quantity", in.quantity() != null ? in.quantity() : original.quantity(), errors);
        String lot = lotNumber("lotNumber", in.lotNumber() != null ? in.lotNumber() : original.lotNumber(), errors);
        Unit unit = linkageUnit("unit", in.unit() != null ? parseUnit("unit", in.unit(), errors) : original.unit(), l.unit, errors);
        if (original.kind() == Kind.RECEIVED && !errors.hasErrors()) {
            // A smaller or moved receipt must still cover what transformations already used of the lot.
            balance(org, List.of(new Change("", null, lot, quantity.doubleValue(), unit, null, false)), original.databaseId(),
                    Set.of(original.lotNumber()), lot.equals(original.lotNumber()) ? "quantity" : "lotNumber", errors);
        }
        if (errors.hasErrors()) {
            return refused(errors, in.clientMutationId());
        }
        long eventId = store.insert(new NewEvent(original.kind(), l.id, org, details.occurredAt(), quantity, unit, lot,
                details.place(), details.provinceCode(), details.lat(), details.lon(), original.databaseId(), details.note(),
                actor.userId()));
        return recorded(eventId, l, actor, in.clientMutationId());
    }

    private static List<Map.Entry<String, Object>> nonNull(Map<String, Object> values) {
        return values.entrySet().stream().filter(e -> e.getValue() != null).sorted(Map.Entry.comparingByKey()).toList();
    }

    private static List<LotInput> asInputs(List<Lot> lots, Direction direction) {
        return lots.stream().filter(l -> l.direction() == direction).map(l -> new LotInput(l.lotNumber(), l.quantity(),
                l.unit().name(), l.productId() == null ? null : GlobalId.encode(Product.TYPE, l.productId()))).toList();
    }

    /** The linkage's delivered quantity and last activity from its effective events, then the payload. */
    private Payload recorded(long eventId, LinkageEntity l, Actor actor, String clientMutationId) {
        Linkage view = null;
        if (l != null) {
            double delivered = 0;
            Instant last = null;
            for (SupplyEventStore.Activity a : store.activity(l.id)) {
                if (a.kind() == Kind.RECEIVED) {
                    delivered += a.unit().convert(a.quantity(), l.unit).orElse(0.0);
                }
                last = last == null || a.occurredAt().isAfter(last) ? a.occurredAt() : last;
            }
            l.deliveredQuantity = BigDecimal.valueOf(delivered).setScale(3, RoundingMode.HALF_UP);
            l.lastEventAt = last;
            linkages.saveAndFlush(l);
            view = LinkageController.view(actor, l.toView());
        }
        return new Payload(store.findByIds(List.of(eventId)).get(eventId), view, List.of(), clientMutationId);
    }

    /** Nothing of a refused write may stay, not even the lot lock row. */
    private static Payload refused(ValidationErrors errors, String clientMutationId) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new Payload(null, null, errors.list(), clientMutationId);
    }

    private static void open(LinkageEntity l, String field, ValidationErrors errors) {
        if (l.status != Status.ACTIVE && l.status != Status.SUSPENDED) {
            errors.add(field, UserErrorCode.CONFLICT,
                    "Supply events are recorded only on active or suspended linkages; this one is " + l.status);
        }
    }

    private static BigDecimal quantity(String field, Double q, ValidationErrors errors) {
        if (q == null) {
            errors.add(field, UserErrorCode.REQUIRED, field + " is required");
            return null;
        }
        BigDecimal scaled = q.isNaN() || q.isInfinite() ? BigDecimal.ZERO : BigDecimal.valueOf(q).setScale(3, RoundingMode.HALF_UP);
        if (scaled.signum() <= 0 || q > MAX_QUANTITY) {
            errors.add(field, UserErrorCode.OUT_OF_RANGE, field + " must be more than 0 and at most 1000000000");
            return null;
        }
        return scaled;
    }

    private static String lotNumber(String field, String value, ValidationErrors errors) {
        return errors.text(field, value, MAX_LOT_NUMBER, true);
    }

    private static Unit parseUnit(String field, String raw, ValidationErrors errors) {
        Unit unit = Unit.parse(raw).orElse(null);
        if (unit == null) {
            errors.add(field, raw == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
                    "Unknown unit; use one of kg, tấn, tạ, lít, thùng, hộp, chai, quả, bó…");
        }
        return unit;
    }

    /** Quantities on a linkage must convert to its unit, or delivered volume could not be counted. */
    private static Unit linkageUnit(String field, Unit unit, Unit linkageUnit, ValidationErrors errors) {
        if (unit != null && unit.convert(1, linkageUnit).isEmpty()) {
            errors.add(field, UserErrorCode.INVALID, unit.label() + " does not convert to " + linkageUnit.label()
                    + ", the unit of the linkage");
            return null;
        }
        return unit;
    }

    private Details details(OffsetDateTime at, String place, String province, Double lat, Double lon, String note,
                            ValidationErrors errors) {
        if (at == null) {
            errors.add("occurredAt", UserErrorCode.REQUIRED, "occurredAt is required");
        } else if (at.toInstant().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            errors.add("occurredAt", UserErrorCode.OUT_OF_RANGE, "occurredAt is in the future");
        } else if (at.toInstant().isBefore(EARLIEST)) {
            errors.add("occurredAt", UserErrorCode.OUT_OF_RANGE, "occurredAt must be after 2000-01-01");
        }
        String where = errors.text("place", place, 300, false);
        String provinceCode = null;
        if (province != null && !province.isBlank()) {
            provinceCode = provinces.resolve(province).map(Province::code).orElse(null);
            if (provinceCode == null) {
                errors.add("province", UserErrorCode.NOT_FOUND, "Unknown province");
            }
        }
        double[] point = errors.point("lat", lat, "lon", lon);
        String why = errors.text("note", note, 1000, false);
        return new Details(at, where, provinceCode, point == null ? null : point[0], point == null ? null : point[1], why);
    }

    /** Checks the input and output lots of a transformation; products must be the organization's. */
    private List<Change> lots(long organizationId, List<LotInput> inputs, List<LotInput> outputs, ValidationErrors errors) {
        List<Change> out = new ArrayList<>();
        lots("inputs", Direction.INPUT, inputs, organizationId, out, errors);
        lots("outputs", Direction.OUTPUT, outputs, organizationId, out, errors);
        Set<String> used = new HashSet<>();
        out.stream().filter(Change::use).forEach(c -> used.add(c.lotNumber()));
        out.stream().filter(c -> !c.use() && used.contains(c.lotNumber())).forEach(c -> errors.add(c.path("lotNumber"),
                UserErrorCode.INVALID, "Lot " + c.lotNumber() + " cannot be both an input and an output"));
        return out;
    }

    private void lots(String name, Direction direction, List<LotInput> given, long organizationId, List<Change> out,
                      ValidationErrors errors) {
        String what = direction == Direction.INPUT ? "input" : "output";
        if (given == null || given.isEmpty()) {
            errors.add(name, UserErrorCode.REQUIRED, "A transformation needs at least one " + what + " lot");
            return;
        }
        if (given.size() > MAX_LOTS) {
            errors.add(name, UserErrorCode.OUT_OF_RANGE, name + " may list at most " + MAX_LOTS + " lots");
            return;
        }
        Map<Long, Product> named = products.findByIds(given.stream().map(LotInput::productId).filter(Objects::nonNull)
                .map(p -> GlobalId.tryDecode(p, Product.TYPE)).filter(Objects::nonNull).distinct().toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            LotInput in = given.get(i);
            String field = name + "[" + i + "]";
            String lot = lotNumber(field + ".lotNumber", in.lotNumber(), errors);
            if (lot != null && !seen.add(lot)) {
                errors.add(field + ".lotNumber", UserErrorCode.DUPLICATE, "Lot " + lot + " is listed twice");
            }
            BigDecimal quantity = quantity(field + ".quantity", in.quantity(), errors);
            Unit unit = parseUnit(field + ".unit", in.unit(), errors);
            Long productId = null;
            if (in.productId() != null) {
                Long pid = GlobalId.tryDecode(in.productId(), Product.TYPE);
                Product p = pid == null ? null : named.get(pid);
                if (p == null) {
                    errors.add(field + ".productId", UserErrorCode.NOT_FOUND, "No product with this ID");
                } else if (p.organizationId() != organizationId) {
                    errors.add(field + ".productId", UserErrorCode.INVALID, "The product is not this organization's");
                } else {
                    productId = pid;
                }
            }
            if (lot != null && quantity != null && unit != null) {
                out.add(new Change(field, direction, lot, quantity.doubleValue(), unit, productId, direction == Direction.INPUT));
            }
        }
    }

    /**
     * Checks an organization's holding of each lot the changes touch (and of {@code touched}, lots the
     * corrected event had), effective events only and leaving out {@code excludedEventId}: a lot keeps the
     * unit dimension it was first received or made in; a lot can be used only if it was received or made
     * there; and what is received or made must cover what is used. {@code fallbackField} is named when a lot
     * would be overdrawn by a change that does not use it (a smaller or moved receipt or output).
     */
    private void balance(long organizationId, List<Change> changes, long excludedEventId, Set<String> touched,
                         String fallbackField, ValidationErrors errors) {
        Set<String> lotNumbers = new LinkedHashSet<>(touched);
        changes.forEach(c -> lotNumbers.add(c.lotNumber()));
        Map<String, List<LotRow>> held = new LinkedHashMap<>();
        store.lotRows(organizationId, lotNumbers, excludedEventId).forEach(r -> held.computeIfAbsent(r.lotNumber(),
                k -> new ArrayList<>()).add(r));
        for (String lot : lotNumbers) {
            List<LotRow> rows = held.getOrDefault(lot, List.of());
            List<Change> mine = changes.stream().filter(c -> c.lotNumber().equals(lot)).toList();
            Unit keptIn = rows.stream().filter(LotRow::source).map(LotRow::unit).findFirst()
                    .or(() -> rows.stream().map(LotRow::unit).findFirst())
                    .or(() -> mine.stream().map(Change::unit).findFirst()).orElse(null);
            if (keptIn == null) {
                continue;
            }
            boolean received = rows.stream().anyMatch(LotRow::source);
            double got = 0;
            double usedBefore = 0;
            for (LotRow r : rows) {
                double q = r.unit().convert(r.quantity(), keptIn).orElse(0.0);
                got += r.source() ? q : 0;
                usedBefore += r.source() ? 0 : q;
            }
            double used = usedBefore;
            boolean checked = true;
            for (Change c : mine) {
                Optional<Double> q = c.unit().convert(c.quantity(), keptIn);
                if (q.isEmpty()) {
                    errors.add(c.path("unit"), UserErrorCode.INVALID, "Lot " + lot + " is kept in " + keptIn.label()
                            + " at this organization; " + c.unit().label() + " does not convert to it");
                    checked = false;
                } else if (c.use() && !received) {
                    errors.add(c.path("lotNumber"), UserErrorCode.NOT_FOUND, "Lot " + lot
                            + " was never received by this organization, nor made by it in an earlier transformation");
                    checked = false;
                } else if (c.use()) {
                    used += q.get();
                } else {
                    got += q.get();
                }
            }
            if (!checked || got - used >= -1e-9 * (1 + got + used)) {
                continue;
            }
            Change use = mine.stream().filter(Change::use).findFirst().orElse(null);
            if (use != null) {
                errors.add(use.path("quantity"), UserErrorCode.OUT_OF_RANGE, "More than is left of lot " + lot
                        + " at this organization: " + amount(Math.max(0, got - usedBefore)) + " " + keptIn.label()
                        + " left (received or made, less what transformations used)");
            } else {
                errors.add(mine.isEmpty() ? fallbackField : mine.getFirst().path("quantity"), UserErrorCode.CONFLICT,
                        "Lot " + lot + " has already been used in transformations (" + amount(used) + " " + keptIn.label()
                                + "); this change would leave only " + amount(got) + " " + keptIn.label() + " of it");
            }
        }
    }

    private static String amount(double q) {
        return BigDecimal.valueOf(q).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
