package vn.htxconnect.program.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.TradeEventEnums.Role;
import vn.htxconnect.program.TradeEventOutcomes;
import vn.htxconnect.program.TradeEventService;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * Fields of events. Lists under an event (participants, products shown, leads) are loaded for every
 * event of a response at once, two statements per kind of page asked for; outcomes in four.
 */
@Controller
class EventFieldsController {

    /** A page of one event's rows; {@code group} holds what else the page depends on (role, who sees what). */
    record PageKey(long eventId, Object group, int first, int offset) {
    }

    private final TradeEventService events;
    private final OrganizationService organizations;
    private final ProvinceService provinces;

    EventFieldsController(TradeEventService events, OrganizationService organizations, ProvinceService provinces,
                          ParticipationStore participants, LeadStore leads, ProductService products,
                          BatchLoaderRegistry registry) {
        this.events = events;
        this.organizations = organizations;
        this.provinces = provinces;
        register(registry, "eventParticipants", (k, ids) ->
                participants.pages(ids, (Role) k.group(), k.offset(), k.first()));
        register(registry, "eventLeads", (k, ids) -> {
            @SuppressWarnings("unchecked")
            Set<Long> visibleTo = k.group() instanceof Set<?> s ? (Set<Long>) s : null;
            return leads.pages(ids, visibleTo, k.offset(), k.first());
        });
        register(registry, "eventProducts", (k, ids) -> {
            Map<Long, Page<Long>> pages = participants.productPages(ids, k.offset(), k.first());
            Map<Long, Product> byId = products.findByIds(pages.values().stream().flatMap(p -> p.rows().stream())
                    .distinct().toList());
            return pages.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new Page<>(
                    e.getValue().rows().stream().map(byId::get).toList(), e.getValue().total())));
        });
    }

    /** Loads the pages of all keys, one call of {@code pages} per group of keys that ask the same kind of page. */
    private static <T> void register(BatchLoaderRegistry registry, String name,
                                     BiFunction<PageKey, List<Long>, Map<Long, Page<T>>> pages) {
        registry.<PageKey, Connection<T>>forName(name).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> {
            Map<PageKey, Connection<T>> out = new LinkedHashMap<>();
            keys.stream().collect(Collectors.groupingBy(k -> List.of(Objects.toString(k.group()), k.first(), k.offset())))
                    .forEach((group, ks) -> {
                        Map<Long, Page<T>> loaded = pages.apply(ks.getFirst(), ks.stream().map(PageKey::eventId).distinct().toList());
                        ks.forEach(k -> {
                            Page<T> page = loaded.getOrDefault(k.eventId(), Page.empty());
                            out.put(k, Connection.fromOffset(page.rows(), k.offset(), k.first(), page.total()));
                        });
                    });
            return out;
        }));
    }

    @SchemaMapping(typeName = "TradeEvent", field = "participants")
    CompletableFuture<Connection<Participant>> participants(TradeEvent e, @Argument Role role, @Argument Integer first,
                                                            @Argument String after, DataLoader<PageKey, Connection<Participant>> eventParticipants) {
        return eventParticipants.load(new PageKey(e.databaseId(), role, Cursors.first(first), Cursors.offsetAfter(after)));
    }

    /** The Alliance sees every lead; the members of an organization see those it is a side of; API keys none. */
    @SchemaMapping(typeName = "TradeEvent", field = "leads")
    CompletableFuture<Connection<TradeEventLead>> leads(TradeEvent e, @Argument Integer first, @Argument String after,
                                                        DataLoader<PageKey, Connection<TradeEventLead>> eventLeads) {
        Actor a = Access.current();
        Object visibleTo = a.isAlliance() ? "all" : Set.copyOf(a.memberships().keySet());
        return eventLeads.load(new PageKey(e.databaseId(), visibleTo, Cursors.first(first), Cursors.offsetAfter(after)));
    }

    /** Products on show; ones the reader may not see (archived since, or any for keys without catalog:read) are left out. */
    @SchemaMapping(typeName = "TradeEvent", field = "productsShown")
    CompletableFuture<Connection<Product>> productsShown(TradeEvent e, @Argument Integer first, @Argument String after,
                                                         DataLoader<PageKey, Connection<Product>> eventProducts) {
        Actor a = Access.current();
        return eventProducts.load(new PageKey(e.databaseId(), null, Cursors.first(first), Cursors.offsetAfter(after)))
                .thenApply(c -> new Connection<>(c.edges().stream().filter(edge -> edge.node() != null
                        && ParticipantFieldsController.visible(a, edge.node())).toList(), c.pageInfo(), c.totalCount()));
    }

    @BatchMapping(typeName = "TradeEvent", field = "outcomes")
    Map<TradeEvent, TradeEventOutcomes> outcomes(List<TradeEvent> page) {
        Map<Long, TradeEventOutcomes> byId = events.outcomes(page);
        Map<TradeEvent, TradeEventOutcomes> out = new LinkedHashMap<>();
        page.forEach(e -> out.put(e, byId.get(e.databaseId())));
        return out;
    }

    @BatchMapping(typeName = "TradeEvent", field = "organiser")
    Map<TradeEvent, Organization> organiser(List<TradeEvent> page) {
        Map<Long, Organization> byId = organizations.findByIds(page.stream().map(TradeEvent::organiserOrganizationId)
                .filter(Objects::nonNull).distinct().toList());
        Map<TradeEvent, Organization> out = new LinkedHashMap<>();
        page.stream().filter(e -> e.organiserOrganizationId() != null && byId.containsKey(e.organiserOrganizationId()))
                .forEach(e -> out.put(e, byId.get(e.organiserOrganizationId())));
        return out;
    }

    @SchemaMapping(typeName = "TradeEvent", field = "province")
    Province province(TradeEvent e) {
        return provinces.findByCode(e.provinceCode()).orElse(null);
    }
}
