package vn.htxconnect.inquiry.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.inquiry.InquirySubjects;
import vn.htxconnect.inquiry.internal.InquiryInputs.ConversationPayload;
import vn.htxconnect.inquiry.internal.InquiryInputs.MarkConversationReadInput;
import vn.htxconnect.inquiry.internal.InquiryInputs.SendMessageInput;
import vn.htxconnect.inquiry.internal.InquiryInputs.SendMessagePayload;
import vn.htxconnect.inquiry.internal.InquiryInputs.StartInquiryInput;
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
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * Starting inquiries, sending messages and read marks. Only members of the conversation's two
 * organizations (and admins) read or write it; to anyone else a conversation answers FORBIDDEN
 * whether it exists or not, so IDs reveal nothing. The Cooperative Alliance has no access.
 */
@Service
class Conversations {

    private static final Message NOT_YOURS = Message.of("inquiry.conversation.notYours");

    private final ConversationStore store;
    private final Blocks blocks;
    private final OrganizationService organizations;
    private final ProductService products;
    private final InquiryProperties properties;
    private final List<InquirySubjects> subjects;
    private final NotificationService notifications;

    Conversations(ConversationStore store, Blocks blocks, OrganizationService organizations, ProductService products,
                  InquiryProperties properties, List<InquirySubjects> subjects, NotificationService notifications) {
        this.subjects = subjects;
        this.notifications = notifications;
        this.store = store;
        this.blocks = blocks;
        this.organizations = organizations;
        this.products = products;
        this.properties = properties;
    }

    @Transactional
    public ConversationPayload start(StartInquiryInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Long buyerId = buyerOf(in.buyerOrganizationId(), actor, errors);
        Long supplierId = GlobalId.tryDecode(in.supplierId(), Organization.TYPE);
        Map<Long, Organization> orgs = organizations.findByIds(Stream.of(buyerId, supplierId)
                .filter(Objects::nonNull).toList());
        Organization buyer = buyerId == null ? null : orgs.get(buyerId);
        Organization supplier = supplierId == null ? null : orgs.get(supplierId);
        if (buyerId != null && buyer == null) {
            errors.add("buyerOrganizationId", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
        } else if (buyer != null && (!buyer.active() || buyer.kind() == OrganizationKind.PARTNER)) {
            errors.add("buyerOrganizationId", UserErrorCode.INVALID, Message.of("inquiry.buyer.cannotSend"));
        }
        if (supplier == null) {
            errors.add("supplierId", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
        } else if (supplier.databaseId() == (buyerId == null ? -1 : buyerId)
                || actor.memberOf(supplier.databaseId())) {
            errors.add("supplierId", UserErrorCode.INVALID, Message.of("inquiry.supplier.self"));
        } else if (!supplier.active() || !(supplier.kind().isCooperative() || supplier.kind() == OrganizationKind.PROCESSOR
                || supplier.kind() == OrganizationKind.DISTRIBUTOR)) {
            errors.add("supplierId", UserErrorCode.INVALID,
                    Message.of("inquiry.supplier.kind"));
        }
        String subjectId = subject(in.subjectId(), buyerId, supplierId, errors);
        String title = InquiryText.subject(errors, "subject", in.subject());
        String body = InquiryText.body(errors, "message", in.message());
        if (errors.hasErrors()) {
            return new ConversationPayload(null, errors.list(), in.clientMutationId());
        }
        if (blocks.blocked(supplierId, buyerId)) {
            errors.add("supplierId", UserErrorCode.FORBIDDEN, Blocks.BLOCKED);
            return new ConversationPayload(null, errors.list(), in.clientMutationId());
        }
        Instant now = Instant.now();
        enforceDailyLimit(buyerId, now);
        String subjectType = subjectId == null ? null : GlobalId.decode("subjectId", subjectId).type();
        long id = store.insertConversation(buyerId, supplierId, subjectType, subjectId, title, actor.userId(), now);
        Conversation c = store.find(id).orElseThrow();
        store.addMessage(c, ConversationRole.BUYER, actor.userId(), body, now);
        // In this transaction: the supplier hears of the inquiry exactly when it exists (and live, by subscription).
        notifications.notify(supplierId, NotificationKind.INQUIRY_RECEIVED, c.id(),
                Map.of("sender", buyer.name(), "subject", title));
        return new ConversationPayload(store.find(id).orElseThrow().viewedAs(ConversationRole.BUYER), List.of(),
                in.clientMutationId());
    }

    /** The buyer organization: the one given (the caller must be a member), else the caller's only one. */
    private static Long buyerOf(String given, Actor actor, ValidationErrors errors) {
        if (given != null) {
            Long id = GlobalId.tryDecode(given, Organization.TYPE);
            if (id == null) {
                errors.add("buyerOrganizationId", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
                return null;
            }
            Access.requireMember(id);
            return id;
        }
        if (actor.memberships().size() == 1) {
            return actor.memberships().keySet().iterator().next();
        }
        errors.add("buyerOrganizationId", UserErrorCode.REQUIRED,
                Message.of("inquiry.buyer.required"));
        return null;
    }

    /** A product of the supplier that buyers can see, or a sourcing request; returns the ID to store. */
    private String subject(String subjectId, Long buyerId, Long supplierId, ValidationErrors errors) {
        if (subjectId == null || subjectId.isBlank()) {
            return null;
        }
        GlobalId gid;
        try {
            gid = GlobalId.decode("subjectId", subjectId);
        } catch (ApiException e) {
            errors.add("subjectId", UserErrorCode.INVALID, Message.of("inquiry.subject.invalid"));
            return null;
        }
        if (gid.type().equals(Product.TYPE)) {
            Product p = products.findById(gid.id()).orElse(null);
            if (p == null || p.status() != ProductStatus.ACTIVE) {
                errors.add("subjectId", UserErrorCode.NOT_FOUND, Message.of("inquiry.subject.noProduct"));
                return null;
            }
            if (supplierId == null || p.organizationId() != supplierId) {
                errors.add("subjectId", UserErrorCode.INVALID, Message.of("inquiry.subject.notSuppliers"));
                return null;
            }
            return p.id();
        }
        // Other modules' records (sourcing requests) are checked by those modules.
        for (InquirySubjects checker : subjects) {
            if (checker.type().equals(gid.type())) {
                Message refusal = buyerId == null || supplierId == null ? Message.of("inquiry.subject.sidesUnknown")
                        : checker.refusal(gid.id(), buyerId, supplierId);
                if (refusal != null) {
                    errors.add("subjectId", UserErrorCode.NOT_FOUND, refusal);
                    return null;
                }
                return GlobalId.encode(gid.type(), gid.id());
            }
        }
        errors.add("subjectId", UserErrorCode.INVALID, Message.of("inquiry.subject.invalid"));
        return null;
    }

    /** At most {@code dailyLimit} inquiries per buyer organization in any 24 hours (a rolling window). */
    private void enforceDailyLimit(long buyer, Instant now) {
        store.lockSender(buyer, now);
        List<Instant> recent = store.startedSince(buyer, now.minus(Duration.ofDays(1)));
        if (recent.size() >= properties.dailyLimit()) {
            Instant freed = recent.get(recent.size() - properties.dailyLimit()).plus(Duration.ofDays(1));
            long minutes = Math.max(1, (Duration.between(now, freed).toSeconds() + 59) / 60);
            throw new ApiException(ErrorCode.RATE_LIMITED, Message.of("inquiry.dailyLimit",
                    properties.dailyLimit(), minutes));
        }
    }

    @Transactional
    public SendMessagePayload send(SendMessageInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Conversation c = accessible(in.conversationId(), actor, true, errors);
        ConversationRole side = c == null ? null : side(c, in.organizationId(), actor, errors);
        String body = InquiryText.body(errors, "body", in.body());
        if (errors.hasErrors()) {
            return new SendMessagePayload(null, null, errors.list(), in.clientMutationId());
        }
        ConversationRole other = side == ConversationRole.BUYER ? ConversationRole.SUPPLIER : ConversationRole.BUYER;
        if (blocks.blocked(c.organizationOf(other), c.organizationOf(side))) {
            errors.add("conversationId", UserErrorCode.FORBIDDEN, Blocks.BLOCKED);
            return new SendMessagePayload(null, null, errors.list(), in.clientMutationId());
        }
        Instant now = Instant.now();
        long messageId = store.addMessage(c, side, actor.userId(), body, now);
        // One notice per unread streak: while the other side has unread messages of this conversation it already
        // has a notice pointing here, and a chat of twenty lines must not become twenty notifications. The row
        // was read under lock, so two messages sent at once cannot both see "nothing unread".
        int otherUnread = other == ConversationRole.BUYER ? c.buyerUnread() : c.supplierUnread();
        if (otherUnread == 0) {
            String sender = organizations.findById(c.organizationOf(side)).map(Organization::name).orElse("");
            notifications.notify(c.organizationOf(other), NotificationKind.MESSAGE_RECEIVED, c.id(),
                    Map.of("sender", sender, "subject", c.subject()));
        }
        Conversation after = store.find(c.databaseId()).orElseThrow().viewedAs(side);
        ConversationMessage message = new ConversationMessage(messageId, c.databaseId(), side, body, now, false);
        return new SendMessagePayload(message, after, List.of(), in.clientMutationId());
    }

    @Transactional
    public ConversationPayload markRead(MarkConversationReadInput in) {
        Actor actor = Access.requireUser();
        ValidationErrors errors = new ValidationErrors();
        Conversation c = accessible(in.conversationId(), actor, false, errors);
        ConversationRole side = c == null ? null : side(c, in.organizationId(), actor, errors);
        if (errors.hasErrors()) {
            return new ConversationPayload(null, errors.list(), in.clientMutationId());
        }
        store.markRead(c.databaseId(), side, Instant.now());
        return new ConversationPayload(store.find(c.databaseId()).orElseThrow().viewedAs(side), List.of(),
                in.clientMutationId());
    }

    /** A conversation the caller may read, seen from the caller's side (null for an admin on neither). */
    @Transactional(readOnly = true)
    public Conversation get(String id) {
        Actor actor = Access.requireUser();
        Long dbId = GlobalId.tryDecode(id, Conversation.TYPE);
        Conversation c = dbId == null ? null : store.find(dbId).orElse(null);
        if (c == null || !party(c, actor)) {
            if (actor.isAdmin()) {
                throw ApiException.notFound(Message.of("inquiry.conversation.notFoundId", id));
            }
            throw new ApiException(ErrorCode.FORBIDDEN, NOT_YOURS);
        }
        return c.viewedAs(defaultSide(c, actor));
    }

    /**
     * The conversation (locked when writing) if the caller is on one of its sides or an admin. An
     * outsider gets FORBIDDEN for a missing conversation as for an existing one; an admin gets a
     * NOT_FOUND input error.
     */
    private Conversation accessible(String id, Actor actor, boolean lock, ValidationErrors errors) {
        Long dbId = GlobalId.tryDecode(id, Conversation.TYPE);
        Conversation c = dbId == null ? null : (lock ? store.lock(dbId) : store.find(dbId)).orElse(null);
        if (c != null && party(c, actor)) {
            return c;
        }
        if (!actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, NOT_YOURS);
        }
        if (c == null) {
            errors.add("conversationId", UserErrorCode.NOT_FOUND, Message.of("inquiry.conversation.notFound"));
        }
        return c;
    }

    /** The side the caller acts for: the one given, else the only side the caller is a member of. */
    private static ConversationRole side(Conversation c, String organizationId, Actor actor, ValidationErrors errors) {
        if (organizationId != null) {
            Long org = GlobalId.tryDecode(organizationId, Organization.TYPE);
            ConversationRole role = org == null ? null : c.roleOf(org);
            if (role == null) {
                errors.add("organizationId", UserErrorCode.INVALID, Message.of("inquiry.conversation.notASide"));
                return null;
            }
            Access.requireMember(org);
            return role;
        }
        boolean buyer = actor.memberOf(c.buyerOrganizationId());
        boolean supplier = actor.memberOf(c.supplierOrganizationId());
        if (buyer != supplier) {
            return buyer ? ConversationRole.BUYER : ConversationRole.SUPPLIER;
        }
        errors.add("organizationId", UserErrorCode.REQUIRED,
                Message.of("inquiry.conversation.sideRequired"));
        return null;
    }

    static boolean party(Conversation c, Actor actor) {
        return actor.isAdmin() || actor.memberOf(c.buyerOrganizationId()) || actor.memberOf(c.supplierOrganizationId());
    }

    static ConversationRole defaultSide(Conversation c, Actor actor) {
        if (actor.memberOf(c.buyerOrganizationId())) {
            return ConversationRole.BUYER;
        }
        return actor.memberOf(c.supplierOrganizationId()) ? ConversationRole.SUPPLIER : null;
    }
}
