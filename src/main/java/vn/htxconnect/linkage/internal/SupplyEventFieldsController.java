package vn.htxconnect.linkage.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageService;
import vn.htxconnect.linkage.internal.SupplyEvent.Direction;
import vn.htxconnect.linkage.internal.SupplyEvent.Kind;
import vn.htxconnect.linkage.internal.SupplyEvent.Lot;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * Fields of supply events, each loaded for all events of a response at once (one SQL statement per field,
 * none when no event needs it). An event reached here was visible to the caller, and so is what it points at.
 */
@Controller
class SupplyEventFieldsController {

    private final SupplyEventStore store;
    private final OrganizationService organizations;
    private final LinkageService linkages;
    private final ProductService products;
    private final ProvinceService provinces;

    SupplyEventFieldsController(SupplyEventStore store, OrganizationService organizations, LinkageService linkages,
                                ProductService products, ProvinceService provinces) {
        this.store = store;
        this.organizations = organizations;
        this.linkages = linkages;
        this.products = products;
        this.provinces = provinces;
    }

    @BatchMapping(typeName = "SupplyEvent", field = "recordedBy")
    Map<SupplyEvent, Organization> recordedBy(List<SupplyEvent> events) {
        return pointing(events, SupplyEvent::organizationId, organizations.findByIds(
                events.stream().map(SupplyEvent::organizationId).distinct().toList()));
    }

    @BatchMapping(typeName = "SupplyEvent", field = "linkage")
    Map<SupplyEvent, Linkage> linkage(List<SupplyEvent> events) {
        var actor = Access.current();
        Map<Long, Linkage> byId = linkages.findByIds(events.stream().map(SupplyEvent::linkageId).filter(Objects::nonNull)
                .distinct().toList());
        Map<Long, Linkage> shown = new LinkedHashMap<>();
        byId.forEach((id, l) -> {
            Linkage v = LinkageController.view(actor, l);
            if (v != null) {
                shown.put(id, v);
            }
        });
        return pointing(events, SupplyEvent::linkageId, shown);
    }

    @BatchMapping(typeName = "SupplyEvent", field = "corrects")
    Map<SupplyEvent, SupplyEvent> corrects(List<SupplyEvent> events) {
        return pointing(events, SupplyEvent::correctsEventId, store.findByIds(events.stream()
                .map(SupplyEvent::correctsEventId).filter(Objects::nonNull).distinct().toList()));
    }

    @BatchMapping(typeName = "SupplyEvent", field = "correctedBy")
    Map<SupplyEvent, SupplyEvent> correctedBy(List<SupplyEvent> events) {
        return pointing(events, SupplyEvent::correctedByEventId, store.findByIds(events.stream()
                .map(SupplyEvent::correctedByEventId).filter(Objects::nonNull).distinct().toList()));
    }

    @BatchMapping(typeName = "SupplyEvent", field = "inputs")
    Map<SupplyEvent, List<Lot>> inputs(List<SupplyEvent> events) {
        return lots(events, Direction.INPUT);
    }

    @BatchMapping(typeName = "SupplyEvent", field = "outputs")
    Map<SupplyEvent, List<Lot>> outputs(List<SupplyEvent> events) {
        return lots(events, Direction.OUTPUT);
    }

    private Map<SupplyEvent, List<Lot>> lots(List<SupplyEvent> events, Direction direction) {
        Map<Long, List<Lot>> byEvent = store.lots(events.stream().filter(e -> e.kind() == Kind.TRANSFORMED)
                .map(SupplyEvent::databaseId).toList());
        Map<SupplyEvent, List<Lot>> out = new LinkedHashMap<>();
        events.forEach(e -> out.put(e, byEvent.getOrDefault(e.databaseId(), List.of()).stream()
                .filter(l -> l.direction() == direction).toList()));
        return out;
    }

    @BatchMapping(typeName = "SupplyEventLot", field = "product")
    Map<Lot, Product> product(List<Lot> lots) {
        return pointing(lots, Lot::productId, products.findByIds(lots.stream().map(Lot::productId).filter(Objects::nonNull)
                .distinct().toList()));
    }

    @SchemaMapping(typeName = "SupplyEvent", field = "province")
    Province province(SupplyEvent e) {
        return provinces.findByCode(e.provinceCode()).orElse(null);
    }

    /** Each source with what its key points at; sources without a key or a found target are left out (null). */
    private static <S, T> Map<S, T> pointing(List<S> sources, Function<S, Long> key, Map<Long, T> targets) {
        Map<S, T> out = new LinkedHashMap<>();
        sources.forEach(s -> {
            Long k = key.apply(s);
            if (k != null && targets.containsKey(k)) {
                out.put(s, targets.get(k));
            }
        });
        return out;
    }
}
