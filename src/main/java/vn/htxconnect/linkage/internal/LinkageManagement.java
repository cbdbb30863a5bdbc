package vn.htxconnect.linkage.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Action;
import vn.htxconnect.linkage.LinkageEnums.Origin;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.linkage.LinkageInput;
import vn.htxconnect.linkage.LinkagePayload;
import vn.htxconnect.linkage.LinkageService;
import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.notification.NotificationService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * Proposing linkages and moving them through their lifecycle. A side is confirmed by a member acting for
 * it; the linkage becomes ACTIVE when both are. Every status change writes a history row in the same
 * transaction; a refused change writes nothing.
 */
@Service
class LinkageManagement implements LinkageService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LinkageManagement.class);

    static final double MAX_VOLUME = 1e9;
    static final long MAX_PRICE = 1_000_000_000_000L;

    private final LinkageRepository repository;
    private final LinkageHistory history;
    private final OrganizationService organizations;
    private final ProductService products;
    private final CategoryService categories;
    private final NotificationService notifications;
    private final java.util.List<vn.htxconnect.linkage.OriginReferences> origins;

    LinkageManagement(LinkageRepository repository, LinkageHistory history, OrganizationService organizations,
                      ProductService products, CategoryService categories, NotificationService notifications,
                      java.util.List<vn.htxconnect.linkage.OriginReferences> origins) {
        this.origins = origins;
        this.notifications = notifications;
        this.repository = repository;
        this.history = history;
        this.organizations = organizations;
        this.products = products;
        this.categories = categories;
    }

    @Override
    @Transactional
    public LinkagePayload propose(LinkageInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Organization supplier = organization("supplierOrganizationId", in.supplierOrganizationId(), errors);
        Organization customer = organization("customerOrganizationId", in.customerOrganizationId(), errors);
        if (supplier != null && customer != null && supplier.databaseId() == customer.databaseId()) {
            errors.add("customerOrganizationId", UserErrorCode.INVALID, "An organization cannot supply itself");
        }
        boolean forSupplier = supplier != null && actor.memberOf(supplier.databaseId());
        boolean forCustomer = customer != null && actor.memberOf(customer.databaseId());
        Origin origin = in.origin() == null ? (forSupplier || forCustomer ? Origin.DIRECT : Origin.ALLIANCE) : in.origin();
        if (supplier != null && customer != null && !forSupplier && !forCustomer && !actor.isAlliance()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "You may only propose linkages for an organization you are a member of");
        }
        if (origin == Origin.QUOTE) {
            errors.add("origin", UserErrorCode.INVALID, "Linkages from quotes are opened by accepting the quote");
        } else if (origin == Origin.ALLIANCE && !actor.isAlliance()) {
            errors.add("origin", UserErrorCode.FORBIDDEN, "Only the Cooperative Alliance records linkages as ALLIANCE");
        }
        LinkageEntity e = new LinkageEntity();
        e.origin = origin;
        e.originRef = errors.text("originRef", in.originRef(), 100, origin == Origin.TRADE_FAIR);
        if (e.originRef != null && origin == Origin.TRADE_FAIR && origins.stream()
                .noneMatch(o -> o.origin() == Origin.TRADE_FAIR && o.exists(e.originRef))) {
            errors.add("originRef", UserErrorCode.NOT_FOUND, "No trade promotion event with this ID");
        }
        e.proposedByUserId = actor.userId();
        fill(e, in, supplier, customer, errors);
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
        activateIfConfirmed(e, now);
        repository.saveAndFlush(e);
        Long side = forSupplier ? Long.valueOf(e.supplierOrganizationId) : forCustomer ? Long.valueOf(e.customerOrganizationId) : null;
        history.record(e.id, Action.PROPOSE, null, Status.PROPOSED, side, actor, null, now);
        if (e.status == Status.ACTIVE) {
            history.record(e.id, Action.CONFIRM, Status.PROPOSED, Status.ACTIVE, side, actor, null, now);
        }
        announce(e, actor, supplier, customer);
        return new LinkagePayload(e.toView(), List.of(), in.clientMutationId());
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
        Organization supplier = organization("supplierOrganizationId", in.supplierOrganizationId(), errors);
        Organization customer = organization("customerOrganizationId", in.customerOrganizationId(), errors);
        LinkageEntity e = new LinkageEntity();
        e.origin = origin;
        e.originRef = in.originRef();
        e.proposedByUserId = actor.userId();
        fill(e, in, supplier, customer, errors);
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
        return Optional.of(e.toView());
    }

    /** Tells the sides that must confirm (or, once active, both sides), in the same transaction. */
    private void announce(LinkageEntity e, Actor actor, Organization supplier, Organization customer) {
        String subject = e.productId != null ? products.findById(e.productId).map(Product::name).orElse("")
                : categories.findByCode(e.categoryCode).map(Category::nameVi).orElse(e.categoryCode);
        Map<String, String> params = Map.of("supplier", supplier.name(), "customer", customer.name(), "subject", subject,
                "proposer", actor.name() == null ? "" : actor.name());
        String id = e.toView().id();
        if (e.status == Status.ACTIVE) {
            notifications.notify(e.supplierOrganizationId, NotificationKind.LINKAGE_ACTIVE, id, params);
            notifications.notify(e.customerOrganizationId, NotificationKind.LINKAGE_ACTIVE, id, params);
            return;
        }
        if (e.supplierConfirmedAt == null) {
            notifications.notify(e.supplierOrganizationId, NotificationKind.LINKAGE_PROPOSED, id, params);
        }
        if (e.customerConfirmedAt == null) {
            notifications.notify(e.customerOrganizationId, NotificationKind.LINKAGE_PROPOSED, id, params);
        }
    }

    private void fill(LinkageEntity e, LinkageInput in, Organization supplier, Organization customer, ValidationErrors errors) {
        Product product = null;
        if (in.productId() != null) {
            Long pid = GlobalId.tryDecode(in.productId(), Product.TYPE);
            product = pid == null ? null : products.findById(pid).orElse(null);
            if (product == null || product.status() == ProductStatus.ARCHIVED) {
                errors.add("productId", UserErrorCode.NOT_FOUND, "No product with this ID");
                product = null;
            } else if (supplier != null && product.organizationId() != supplier.databaseId()) {
                errors.add("productId", UserErrorCode.INVALID, "The product is not the supplier's");
            }
        }
        Category category = null;
        if (in.category() != null && !in.category().isBlank()) {
            category = categories.resolve(in.category()).orElse(null);
            if (category == null) {
                errors.add("category", UserErrorCode.NOT_FOUND, "Unknown category");
            }
        } else if (product != null) {
            category = categories.findByCode(product.categoryCode()).orElse(null);
        } else if (in.productId() == null) {
            errors.add("category", UserErrorCode.REQUIRED, "A linkage is for a product or a category: give productId or category");
        }
        Stage supplierStage = in.supplierStage() != null ? in.supplierStage() : supplier == null ? null : defaultStage(supplier.kind());
        Stage customerStage = in.customerStage() != null ? in.customerStage() : customer == null ? null : defaultStage(customer.kind());
        if (supplierStage == null && supplier != null) {
            errors.add("supplierStage", UserErrorCode.REQUIRED, "supplierStage is required for this kind of organization");
        }
        if (customerStage == null && customer != null) {
            errors.add("customerStage", UserErrorCode.REQUIRED, "customerStage is required for this kind of organization");
        }
        // Traders supply processors and processors sell inputs to farms, but retail does not feed production.
        if (supplierStage != null && customerStage != null && rank(supplierStage) > rank(customerStage) + 1) {
            errors.add("customerStage", UserErrorCode.INVALID,
                    "Goods flow downstream: a " + supplierStage + " supplier cannot supply a " + customerStage + " customer");
        }
        if (in.volumePerPeriod() == null) {
            errors.add("volumePerPeriod", UserErrorCode.REQUIRED, "volumePerPeriod is required");
        } else if (in.volumePerPeriod().isNaN() || in.volumePerPeriod() <= 0 || in.volumePerPeriod() > MAX_VOLUME) {
            errors.add("volumePerPeriod", UserErrorCode.OUT_OF_RANGE, "volumePerPeriod must be more than 0 and at most 1000000000");
        }
        Unit unit = Unit.parse(in.unit()).orElse(null);
        if (unit == null) {
            errors.add("unit", in.unit() == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
                    "Unknown unit; use one of kg, tấn, tạ, lít, thùng, hộp, chai, quả, bó…");
        }
        if (in.period() == null) {
            errors.add("period", UserErrorCode.REQUIRED, "period is required");
        }
        if (in.pricePerUnitVnd() != null && (in.pricePerUnitVnd() < 0 || in.pricePerUnitVnd() > MAX_PRICE)) {
            errors.add("pricePerUnitVnd", UserErrorCode.OUT_OF_RANGE, "pricePerUnitVnd must be between 0 and 1000000000000");
        }
        String terms = errors.text("priceTerms", in.priceTerms(), 1000, false);
        LocalDate start = in.startDate() != null ? in.startDate() : LocalDate.now();
        if (in.endDate() != null && in.endDate().isBefore(start)) {
            errors.add("endDate", UserErrorCode.INVALID, "endDate must not be before startDate");
        }
        if (errors.hasErrors()) {
            return;
        }
        e.supplierOrganizationId = supplier.databaseId();
        e.customerOrganizationId = customer.databaseId();
        e.supplierProvinceCode = product != null && product.provinceCode() != null ? product.provinceCode() : supplier.provinceCode();
        e.productId = product == null ? null : product.databaseId();
        e.categoryCode = category.code();
        e.supplierStage = supplierStage;
        e.customerStage = customerStage;
        e.volumePerPeriod = BigDecimal.valueOf(in.volumePerPeriod());
        e.unit = unit;
        e.period = in.period();
        e.pricePerUnitVnd = in.pricePerUnitVnd();
        e.priceTerms = terms;
        e.startDate = start;
        e.endDate = in.endDate();
    }

    private Organization organization(String field, String id, ValidationErrors errors) {
        Long dbId = id == null ? null : GlobalId.tryDecode(id, Organization.TYPE);
        Organization o = dbId == null ? null : organizations.findById(dbId).orElse(null);
        if (o == null) {
            errors.add(field, id == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND, field + " must be the ID of an organization");
        } else if (!o.active()) {
            errors.add(field, UserErrorCode.INVALID, "The organization is archived");
            return null;
        } else if (o.kind() == OrganizationKind.PARTNER) {
            errors.add(field, UserErrorCode.INVALID, "Partners and agencies are not sides of supply linkages");
            return null;
        }
        return o;
    }

    /** The stage an organization usually works at; a processor that also sells retail says so explicitly. */
    static Stage defaultStage(OrganizationKind kind) {
        return switch (kind) {
            case COOPERATIVE, COOPERATIVE_UNION, COOPERATIVE_GROUP -> Stage.PRODUCTION;
            case PROCESSOR -> Stage.PROCESSING;
            case DISTRIBUTOR -> Stage.DISTRIBUTION;
            case RETAIL_CHAIN -> Stage.RETAIL;
            case PARTNER -> null;
        };
    }

    /** Retail and export both end a chain. */
    static int rank(Stage s) {
        return s == Stage.EXPORT ? Stage.RETAIL.ordinal() : s.ordinal();
    }

    @Override
    @Transactional
    public LinkagePayload act(String id, Action action, String actingOrganizationId, String reason, Long expectedVersion,
                              String clientMutationId) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long dbId = GlobalId.tryDecode(id, Linkage.TYPE);
        LinkageEntity e = dbId == null ? null : repository.lockById(dbId).orElse(null);
        if (e == null) {
            errors.add("id", UserErrorCode.NOT_FOUND, "No supply linkage with this ID");
            return new LinkagePayload(null, errors.list(), clientMutationId);
        }
        Long side = side(e, actor, actingOrganizationId, action);
        String why = errors.text("reason", reason, 500, false);
        if (expectedVersion != null && expectedVersion != e.version) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT,
                    "The linkage was changed meanwhile (version " + e.version + "); reload it and retry");
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
        if (action == Action.CONFIRM && to == Status.ACTIVE) {
            announce(e, actor, organizations.findById(e.supplierOrganizationId).orElseThrow(),
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
                throw ApiException.badRequest("actingOrganizationId", "The organization is not a side of this linkage");
            }
            if (!actor.memberOf(org) && !actor.isAdmin()) {
                throw new ApiException(ErrorCode.FORBIDDEN, "You may only act for an organization you are a member of");
            }
            return org;
        }
        boolean supplier = actor.memberOf(e.supplierOrganizationId);
        boolean customer = actor.memberOf(e.customerOrganizationId);
        if (supplier && customer) {
            throw ApiException.badRequest("actingOrganizationId", "You are a member of both sides: say which one you act for");
        }
        if (supplier || customer) {
            return supplier ? e.supplierOrganizationId : e.customerOrganizationId;
        }
        if (actor.isAlliance() && action != Action.CONFIRM) {
            return null;
        }
        throw new ApiException(ErrorCode.FORBIDDEN, "Only the two sides of a linkage (and the Alliance) may change it");
    }

    private static Status confirm(LinkageEntity e, Long side, Instant now, ValidationErrors errors) {
        if (e.status != Status.PROPOSED) {
            return refuse(e.status, Action.CONFIRM, errors);
        }
        boolean supplierSide = side == e.supplierOrganizationId;
        Instant already = supplierSide ? e.supplierConfirmedAt : e.customerConfirmedAt;
        if (already != null) {
            errors.add("id", UserErrorCode.CONFLICT, "Your side has already confirmed; the other side must confirm now");
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

    private static void activateIfConfirmed(LinkageEntity e, Instant now) {
        if (e.supplierConfirmedAt != null && e.customerConfirmedAt != null) {
            e.status = Status.ACTIVE;
            e.activatedAt = now;
        }
    }

    private static Status refuse(Status from, Action action, ValidationErrors errors) {
        errors.add("id", UserErrorCode.CONFLICT, "A " + from + " linkage cannot be " + past(action));
        return from;
    }

    private static String past(Action a) {
        return switch (a) {
            case PROPOSE -> "proposed again";
            case CONFIRM -> "confirmed";
            case REJECT -> "rejected";
            case SUSPEND -> "suspended";
            case RESUME -> "resumed";
            case END -> "ended";
        };
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Linkage> findById(long id) {
        return repository.findById(id).map(LinkageEntity::toView);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Linkage> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findAllById(ids).stream().map(LinkageEntity::toView)
                .collect(Collectors.toMap(Linkage::databaseId, Function.identity()));
    }
}
