package vn.htxconnect.program.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.inquiry.InquiryStarter;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.internal.ProgramInputs.ConvertLeadInput;
import vn.htxconnect.program.internal.ProgramInputs.LeadPayload;
import vn.htxconnect.program.internal.ProgramInputs.RecordLeadInput;

/**
 * Leads: a buyer's interest in a supplier met at an event, noted by the buyer or by the Alliance's staff
 * at the event, and turned into an inquiry by the buyer. Only the two sides and the Alliance see a lead.
 */
@Service
class Leads {

    private final Participations participations;
    private final ParticipationStore participants;
    private final LeadStore store;
    private final ProductService products;
    private final TradeEventRepository events;
    private final InquiryStarter inquiries;

    Leads(Participations participations, ParticipationStore participants, LeadStore store, ProductService products,
          TradeEventRepository events, InquiryStarter inquiries) {
        this.participations = participations;
        this.participants = participants;
        this.store = store;
        this.products = products;
        this.events = events;
        this.inquiries = inquiries;
    }

    static boolean visible(Actor a, TradeEventLead l) {
        return a.isAlliance() || a.memberships().keySet().stream().anyMatch(l::party);
    }

    @Transactional
    public LeadPayload record(RecordLeadInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long buyer = organization("buyerOrganizationId", in.buyerOrganizationId(), errors);
        Long supplier = organization("supplierOrganizationId", in.supplierOrganizationId(), errors);
        if (buyer != null && !actor.memberOf(buyer) && !actor.isAlliance()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "input.buyerOrganizationId",
                    Message.of("program.lead.forbidden"));
        }
        TradeEventEntity event = participations.event(in.eventId(), errors);
        if (event != null && LocalDate.now(TradeEvent.ZONE).isBefore(event.startsOn)) {
            errors.add("eventId", UserErrorCode.CONFLICT, Message.of("program.lead.tooEarly"));
        }
        if (buyer != null && buyer.equals(supplier)) {
            errors.add("supplierOrganizationId", UserErrorCode.INVALID, Message.of("program.lead.sameSides"));
        } else if (event != null) {
            Map<Long, Participant> found = participants.find(event.id,
                    java.util.stream.Stream.of(buyer, supplier).filter(java.util.Objects::nonNull).toList());
            if (buyer != null && !found.containsKey(buyer)) {
                errors.add("buyerOrganizationId", UserErrorCode.INVALID, Message.of("program.lead.notParticipant"));
            }
            if (supplier != null && !found.containsKey(supplier)) {
                errors.add("supplierOrganizationId", UserErrorCode.INVALID, Message.of("program.lead.notParticipant"));
            }
        }
        Long product = product(in.productId(), supplier, errors);
        String note = errors.text("note", in.note(), 2000, false);
        if (errors.hasErrors()) {
            return new LeadPayload(null, errors.list(), in.clientMutationId());
        }
        long id = store.insert(event.id, buyer, supplier, product, note, actor.userId(), Instant.now());
        return new LeadPayload(store.find(id).orElseThrow(), List.of(), in.clientMutationId());
    }

    private static Long organization(String field, String id, ValidationErrors errors) {
        Long dbId = id == null ? null : GlobalId.tryDecode(id, Organization.TYPE);
        if (dbId == null) {
            errors.add(field, id == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND, Message.of("organization.id.invalid", field));
        }
        return dbId;
    }

    private Long product(String id, Long supplier, ValidationErrors errors) {
        if (id == null || id.isBlank()) {
            return null;
        }
        Long pid = GlobalId.tryDecode(id, Product.TYPE);
        Product p = pid == null ? null : products.findById(pid).orElse(null);
        if (p == null || p.status() == ProductStatus.ARCHIVED) {
            errors.add("productId", UserErrorCode.NOT_FOUND, Message.of("program.product.notFound"));
            return null;
        }
        if (supplier != null && p.organizationId() != supplier) {
            errors.add("productId", UserErrorCode.INVALID, Message.of("program.lead.productNotSuppliers"));
        }
        return p.databaseId();
    }

    /** The buyer starts an inquiry to the supplier about the lead's product (or the event), in the same transaction. */
    @Transactional
    public LeadPayload convert(ConvertLeadInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long id = in.leadId() == null ? null : GlobalId.tryDecode(in.leadId(), TradeEventLead.TYPE);
        TradeEventLead lead = id == null ? null : store.lock(id).orElse(null);
        // Like conversations, a lead answers FORBIDDEN to outsiders whether it exists or not.
        if (!actor.isAdmin() && (lead == null || !actor.memberOf(lead.buyerOrganizationId()))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "input.leadId", Message.of("program.lead.inquiryForbidden"));
        }
        if (lead == null) {
            errors.add("leadId", UserErrorCode.NOT_FOUND, Message.of("program.lead.notFound"));
            return new LeadPayload(null, errors.list(), in.clientMutationId());
        }
        if (lead.conversationId() != null) {
            errors.add("leadId", UserErrorCode.CONFLICT, Message.of("program.lead.alreadyInquiry"));
            return new LeadPayload(null, errors.list(), in.clientMutationId());
        }
        String subject = in.subject() != null && !in.subject().isBlank() ? in.subject()
                : events.findById(lead.eventId()).map(e -> e.name).orElse(null);
        String subjectId = lead.productId() == null ? null : GlobalId.encode(Product.TYPE, lead.productId());
        InquiryStarter.Started started = inquiries.start(lead.buyerOrganizationId(), lead.supplierOrganizationId(), subjectId,
                subject, in.message());
        if (!started.errors().isEmpty()) {
            started.errors().forEach(e -> errors.add(field(e), e.code(), e.text()));
            return new LeadPayload(null, errors.list(), in.clientMutationId());
        }
        store.setConversation(lead.databaseId(), started.conversationId());
        return new LeadPayload(store.find(lead.databaseId()).orElseThrow(), List.of(), in.clientMutationId());
    }

    /** The inquiry's own text fields keep their names; what it says about the sides or the product is about the lead. */
    private static String field(UserError e) {
        String last = e.field() == null || e.field().isEmpty() ? "" : e.field().getLast();
        return last.equals("message") || last.equals("subject") ? last : "leadId";
    }
}
