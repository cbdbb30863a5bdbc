package vn.htxconnect.program.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.inquiry.ConversationService;
import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageCounts;
import vn.htxconnect.linkage.LinkageEnums.Origin;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.TradeEventService;

/** Fields of participants and leads, each loaded for a whole response at once (one or two statements per field). */
@Controller
class ParticipantFieldsController {

    private final TradeEventService events;
    private final OrganizationService organizations;
    private final ProductService products;
    private final ParticipationStore participants;
    private final ConversationService conversations;
    private final LinkageCounts linkages;

    ParticipantFieldsController(TradeEventService events, OrganizationService organizations, ProductService products,
                                ParticipationStore participants, ConversationService conversations, LinkageCounts linkages) {
        this.events = events;
        this.organizations = organizations;
        this.products = products;
        this.participants = participants;
        this.conversations = conversations;
        this.linkages = linkages;
    }

    /** Products are shown as the catalogue shows them: active ones to readers of the catalogue, others to insiders. */
    static boolean visible(Actor a, Product p) {
        return a.hasScope("catalog:read")
                && (p.status() == ProductStatus.ACTIVE || a.memberOf(p.organizationId()) || a.isAlliance());
    }

    private <T> Map<T, Organization> orgs(List<T> items, ToLongFunction<T> id) {
        Map<Long, Organization> byId = organizations.findByIds(items.stream().map(id::applyAsLong).distinct().toList());
        Map<T, Organization> out = new LinkedHashMap<>();
        items.stream().filter(i -> byId.containsKey(id.applyAsLong(i))).forEach(i -> out.put(i, byId.get(id.applyAsLong(i))));
        return out;
    }

    private <T> Map<T, TradeEvent> eventsOf(List<T> items, ToLongFunction<T> id) {
        Map<Long, TradeEvent> byId = events.findByIds(items.stream().map(id::applyAsLong).distinct().toList());
        Map<T, TradeEvent> out = new LinkedHashMap<>();
        items.stream().filter(i -> byId.containsKey(id.applyAsLong(i))).forEach(i -> out.put(i, byId.get(id.applyAsLong(i))));
        return out;
    }

    @BatchMapping(typeName = "TradeEventParticipant", field = "organization")
    Map<Participant, Organization> organization(List<Participant> page) {
        return orgs(page, Participant::organizationId);
    }

    @BatchMapping(typeName = "TradeEventParticipant", field = "event")
    Map<Participant, TradeEvent> event(List<Participant> page) {
        return eventsOf(page, Participant::eventId);
    }

    @BatchMapping(typeName = "TradeEventParticipant", field = "products")
    Map<Participant, List<Product>> products(List<Participant> page) {
        Actor a = Access.current();
        Map<Participant, List<Long>> ids = participants.productIds(page);
        Map<Long, Product> byId = products.findByIds(ids.values().stream().flatMap(List::stream).distinct().toList());
        Map<Participant, List<Product>> out = new LinkedHashMap<>();
        ids.forEach((p, list) -> out.put(p, list.stream().map(byId::get)
                .filter(x -> x != null && visible(a, x)).toList()));
        return out;
    }

    @BatchMapping(typeName = "TradeEventLead", field = "event")
    Map<TradeEventLead, TradeEvent> leadEvent(List<TradeEventLead> page) {
        return eventsOf(page, TradeEventLead::eventId);
    }

    @BatchMapping(typeName = "TradeEventLead", field = "buyer")
    Map<TradeEventLead, Organization> buyer(List<TradeEventLead> page) {
        return orgs(page, TradeEventLead::buyerOrganizationId);
    }

    @BatchMapping(typeName = "TradeEventLead", field = "supplier")
    Map<TradeEventLead, Organization> supplier(List<TradeEventLead> page) {
        return orgs(page, TradeEventLead::supplierOrganizationId);
    }

    @BatchMapping(typeName = "TradeEventLead", field = "product")
    Map<TradeEventLead, Product> product(List<TradeEventLead> page) {
        Actor a = Access.current();
        Map<Long, Product> byId = products.findByIds(page.stream().map(TradeEventLead::productId).filter(Objects::nonNull)
                .distinct().toList());
        Map<TradeEventLead, Product> out = new LinkedHashMap<>();
        page.stream().filter(l -> l.productId() != null && byId.containsKey(l.productId()) && visible(a, byId.get(l.productId())))
                .forEach(l -> out.put(l, byId.get(l.productId())));
        return out;
    }

    /** The inquiry the lead became, for the members of its two organizations (and admins), as the inquiry module decides. */
    @BatchMapping(typeName = "TradeEventLead", field = "conversation")
    Map<TradeEventLead, Object> conversation(List<TradeEventLead> page) {
        Map<Long, Object> byId = conversations.readable(page.stream().map(TradeEventLead::conversationId)
                .filter(Objects::nonNull).distinct().toList());
        Map<TradeEventLead, Object> out = new LinkedHashMap<>();
        page.stream().filter(l -> l.conversationId() != null && byId.containsKey(l.conversationId()))
                .forEach(l -> out.put(l, byId.get(l.conversationId())));
        return out;
    }

    /**
     * The supply linkage the lead led to: from its supplier to its buyer, recorded with the event as origin,
     * else the earliest proposed from the lead on within the event's outcome window. Readers of a lead are
     * its sides or the Alliance, who see linkages in full.
     */
    @BatchMapping(typeName = "TradeEventLead", field = "linkage")
    Map<TradeEventLead, Linkage> linkage(List<TradeEventLead> page) {
        Map<TradeEventLead, TradeEvent> byLead = eventsOf(page, TradeEventLead::eventId);
        Function<TradeEventLead, LinkageCounts.Pair> pair = l -> new LinkageCounts.Pair(l.supplierOrganizationId(),
                l.buyerOrganizationId());
        Map<LinkageCounts.Pair, List<Linkage>> between = linkages.between(page.stream().map(pair).distinct().toList());
        Map<TradeEventLead, Linkage> out = new LinkedHashMap<>();
        for (TradeEventLead l : page) {
            TradeEvent e = byLead.get(l);
            if (e == null) {
                continue;
            }
            Instant from = l.recordedAt().isAfter(e.startsAt()) ? l.recordedAt() : e.startsAt();
            between.getOrDefault(pair.apply(l), List.of()).stream()
                    .filter(k -> (k.origin() == Origin.TRADE_FAIR && e.id().equals(k.originRef()))
                            || (!k.createdAt().isBefore(from) && k.createdAt().isBefore(e.outcomeWindowEnd())))
                    .min(Comparator.comparing((Linkage k) -> k.origin() == Origin.TRADE_FAIR && e.id().equals(k.originRef()) ? 0 : 1)
                            .thenComparing(Linkage::createdAt))
                    .ifPresent(k -> out.put(l, k));
        }
        return out;
    }
}
