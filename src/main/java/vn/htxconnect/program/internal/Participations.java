package vn.htxconnect.program.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.TradeEventEnums.Role;
import vn.htxconnect.program.internal.ProgramInputs.CheckInInput;
import vn.htxconnect.program.internal.ProgramInputs.ParticipantPayload;
import vn.htxconnect.program.internal.ProgramInputs.RegisterInput;

/**
 * Registration for events (by a member of the organization) and check-in at them (by the Alliance).
 * Suppliers exhibit, buyers visit; processors and distributors may do either.
 */
@Service
class Participations {

    static final Set<OrganizationKind> EXHIBITOR_KINDS = EnumSet.of(OrganizationKind.COOPERATIVE,
            OrganizationKind.COOPERATIVE_UNION, OrganizationKind.COOPERATIVE_GROUP, OrganizationKind.PROCESSOR,
            OrganizationKind.DISTRIBUTOR);
    static final Set<OrganizationKind> VISITOR_KINDS =
            EnumSet.of(OrganizationKind.RETAIL_CHAIN, OrganizationKind.PROCESSOR, OrganizationKind.DISTRIBUTOR);
    static final int MAX_PRODUCTS = 20;

    private final TradeEventRepository events;
    private final ParticipationStore store;
    private final OrganizationService organizations;
    private final ProductService products;

    Participations(TradeEventRepository events, ParticipationStore store, OrganizationService organizations,
                   ProductService products) {
        this.events = events;
        this.store = store;
        this.organizations = organizations;
        this.products = products;
    }

    @Transactional
    public ParticipantPayload register(RegisterInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long orgId = in.organizationId() == null ? null : GlobalId.tryDecode(in.organizationId(), Organization.TYPE);
        Organization org = orgId == null ? null : organizations.findById(orgId).orElse(null);
        if (org == null) {
            errors.add("organizationId", in.organizationId() == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    Message.of("organization.id.unknown", "organizationId"));
            return new ParticipantPayload(null, errors.list(), in.clientMutationId());
        }
        if (!actor.memberOf(org.databaseId()) && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "input.organizationId",
                    Message.of("program.registration.notMember"));
        }
        TradeEventEntity event = openEvent(in.eventId(), errors);
        if (!org.active()) {
            errors.add("organizationId", UserErrorCode.INVALID, Message.of("program.registration.archived"));
        }
        if (in.role() == null) {
            errors.add("role", UserErrorCode.REQUIRED, Message.of("input.required", "role"));
        } else if (!(in.role() == Role.EXHIBITOR ? EXHIBITOR_KINDS : VISITOR_KINDS).contains(org.kind())) {
            errors.add("role", UserErrorCode.INVALID, in.role() == Role.EXHIBITOR
                    ? Message.of("program.registration.exhibitorKind")
                    : Message.of("program.registration.visitorKind"));
        }
        String booth = errors.text("booth", in.booth(), 100, false);
        List<Long> shown = shownProducts(in, org, errors);
        if (event != null && store.find(event.id, org.databaseId()).isPresent()) {
            errors.add("organizationId", UserErrorCode.DUPLICATE, Message.of("program.registration.duplicate"));
        }
        if (errors.hasErrors()) {
            return new ParticipantPayload(null, errors.list(), in.clientMutationId());
        }
        store.insert(event.id, org.databaseId(), in.role(), booth, actor.userId(), Instant.now());
        store.insertProducts(event.id, org.databaseId(), shown);
        return new ParticipantPayload(store.find(event.id, org.databaseId()).orElseThrow(), List.of(), in.clientMutationId());
    }

    /** The event, share-locked, if it still takes registrations; else null with the reason added. */
    private TradeEventEntity openEvent(String id, ValidationErrors errors) {
        TradeEventEntity e = event(id, errors);
        if (e != null && !e.endsOn.isBefore(LocalDate.now(TradeEvent.ZONE))) {
            return e;
        }
        if (e != null) {
            errors.add("eventId", UserErrorCode.CONFLICT, Message.of("program.registration.closed"));
        }
        return null;
    }

    /** The event, share-locked, unless it is missing or cancelled (then null with the reason added). */
    TradeEventEntity event(String id, ValidationErrors errors) {
        Long dbId = id == null ? null : GlobalId.tryDecode(id, TradeEvent.TYPE);
        TradeEventEntity e = dbId == null ? null : events.lockShared(dbId).orElse(null);
        if (e == null) {
            errors.add("eventId", id == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND, Message.of("program.event.notFound"));
            return null;
        }
        if (e.status == TradeEventEntity.Stored.CANCELLED) {
            errors.add("eventId", UserErrorCode.CONFLICT, Message.of("program.event.cancelled"));
            return null;
        }
        return e;
    }

    /** Exhibitors show their own active products; visitors show none. */
    private List<Long> shownProducts(RegisterInput in, Organization org, ValidationErrors errors) {
        if (in.productIds() == null || in.productIds().isEmpty()) {
            return List.of();
        }
        if (in.role() == Role.VISITOR) {
            errors.add("productIds", UserErrorCode.INVALID, Message.of("program.products.visitor"));
            return List.of();
        }
        if (in.productIds().size() > MAX_PRODUCTS) {
            errors.add("productIds", UserErrorCode.OUT_OF_RANGE, Message.of("program.products.tooMany", MAX_PRODUCTS));
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String id : in.productIds()) {
            Long pid = GlobalId.tryDecode(id, Product.TYPE);
            ids.add(pid == null ? -1L : pid);
        }
        Map<Long, Product> found = products.findByIds(ids.stream().filter(i -> i > 0).distinct().toList());
        Set<Long> shown = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Product p = found.get(ids.get(i));
            String field = "productIds[" + i + "]";
            if (p == null || p.status() == ProductStatus.ARCHIVED) {
                errors.add(field, UserErrorCode.NOT_FOUND, Message.of("program.product.notFound"));
            } else if (p.organizationId() != org.databaseId()) {
                errors.add(field, UserErrorCode.INVALID, Message.of("program.products.notOrganizations"));
            } else if (p.status() != ProductStatus.ACTIVE) {
                errors.add(field, UserErrorCode.INVALID, Message.of("program.products.inactive"));
            } else {
                shown.add(p.databaseId());
            }
        }
        return List.copyOf(shown);
    }

    @Transactional
    public ParticipantPayload checkIn(CheckInInput in) {
        Access.requireAlliance();
        ValidationErrors errors = new ValidationErrors();
        TradeEventEntity event = event(in.eventId(), errors);
        if (event != null && LocalDate.now(TradeEvent.ZONE).isBefore(event.startsOn)) {
            errors.add("eventId", UserErrorCode.CONFLICT, Message.of("program.checkIn.tooEarly"));
        }
        Long orgId = in.organizationId() == null ? null : GlobalId.tryDecode(in.organizationId(), Organization.TYPE);
        Participant p = event == null || orgId == null ? null : store.find(event.id, orgId).orElse(null);
        if (event != null && p == null) {
            errors.add("organizationId", UserErrorCode.NOT_FOUND, Message.of("program.checkIn.notRegistered"));
        }
        if (errors.hasErrors()) {
            return new ParticipantPayload(null, errors.list(), in.clientMutationId());
        }
        if (!p.attended()) {
            store.checkIn(event.id, orgId, Instant.now());
        }
        return new ParticipantPayload(store.find(event.id, orgId).orElseThrow(), List.of(), in.clientMutationId());
    }
}
