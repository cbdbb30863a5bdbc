package vn.htxconnect.linkage.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Flag;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/** Fields of linkages and of their statistics; related rows load per page (one SQL statement each), never per linkage. */
@Controller
class LinkageFieldsController {

    private final OrganizationService organizations;
    private final ProductService products;
    private final CategoryService categories;
    private final ProvinceService provinces;
    private final LinkageHistory history;

    LinkageFieldsController(OrganizationService organizations, ProductService products, CategoryService categories,
                            ProvinceService provinces, LinkageHistory history) {
        this.organizations = organizations;
        this.products = products;
        this.categories = categories;
        this.provinces = provinces;
        this.history = history;
    }

    @BatchMapping(typeName = "SupplyLinkage", field = "supplier")
    Map<Linkage, Organization> supplier(List<Linkage> page) {
        return orgs(page, true);
    }

    @BatchMapping(typeName = "SupplyLinkage", field = "customer")
    Map<Linkage, Organization> customer(List<Linkage> page) {
        return orgs(page, false);
    }

    private Map<Linkage, Organization> orgs(List<Linkage> page, boolean supplier) {
        Map<Long, Organization> byId = organizations.findByIds(page.stream()
                .map(l -> supplier ? l.supplierOrganizationId() : l.customerOrganizationId()).distinct().toList());
        Map<Linkage, Organization> out = new LinkedHashMap<>();
        page.forEach(l -> out.put(l, byId.get(supplier ? l.supplierOrganizationId() : l.customerOrganizationId())));
        return out;
    }

    @BatchMapping(typeName = "SupplyLinkage", field = "product")
    Map<Linkage, Product> product(List<Linkage> page) {
        Map<Long, Product> byId = products.findByIds(page.stream().map(Linkage::productId).filter(Objects::nonNull).distinct().toList());
        Map<Linkage, Product> out = new LinkedHashMap<>();
        page.stream().filter(l -> l.productId() != null && byId.containsKey(l.productId()))
                .forEach(l -> out.put(l, byId.get(l.productId())));
        return out;
    }

    @BatchMapping(typeName = "SupplyLinkage", field = "history")
    Map<Linkage, List<LinkageHistory.Entry>> history(List<Linkage> page) {
        var actor = Access.current();
        List<Linkage> visible = page.stream().filter(l -> LinkageController.party(actor, l)).toList();
        Map<Long, List<LinkageHistory.Entry>> byId = history.of(visible.stream().map(Linkage::databaseId).toList());
        Map<Linkage, List<LinkageHistory.Entry>> out = new LinkedHashMap<>();
        page.forEach(l -> out.put(l, byId.getOrDefault(l.databaseId(), List.of())));
        return out;
    }

    @BatchMapping(typeName = "LinkageHistoryEntry", field = "actingOrganization")
    Map<LinkageHistory.Entry, Organization> actingOrganization(List<LinkageHistory.Entry> entries) {
        Map<Long, Organization> byId = organizations.findByIds(entries.stream().map(LinkageHistory.Entry::actingOrganizationId)
                .filter(Objects::nonNull).distinct().toList());
        Map<LinkageHistory.Entry, Organization> out = new LinkedHashMap<>();
        entries.stream().filter(e -> e.actingOrganizationId() != null && byId.containsKey(e.actingOrganizationId()))
                .forEach(e -> out.put(e, byId.get(e.actingOrganizationId())));
        return out;
    }

    @SchemaMapping(typeName = "SupplyLinkage", field = "category")
    Category category(Linkage l) {
        return categories.findByCode(l.categoryCode()).orElseThrow();
    }

    @SchemaMapping(typeName = "SupplyLinkage", field = "supplierProvince")
    Province supplierProvince(Linkage l) {
        return provinces.findByCode(l.supplierProvinceCode()).orElse(null);
    }

    @SchemaMapping(typeName = "SupplyLinkage", field = "dueQuantity")
    Double dueQuantity(Linkage l) {
        return l.dueToDate(LocalDate.now());
    }

    @SchemaMapping(typeName = "SupplyLinkage", field = "flags")
    List<Flag> flags(Linkage l) {
        // Delivery warnings are the parties' (and the Alliance's) business, like the volumes they come from.
        return l.volumePerPeriod() == null ? List.of() : l.flags(LocalDate.now());
    }

    @SchemaMapping(typeName = "LinkageProvinceCount", field = "province")
    Province groupProvince(LinkageStatistics.Group g) {
        return provinces.findByCode(g.key()).orElse(null);
    }

    @SchemaMapping(typeName = "LinkageCategoryCount", field = "category")
    Category groupCategory(LinkageStatistics.Group g) {
        return categories.findByCode(g.key()).orElse(null);
    }

    @SchemaMapping(typeName = "LinkageStageCount", field = "supplierStage")
    String groupSupplierStage(LinkageStatistics.Group g) {
        return g.key();
    }

    @SchemaMapping(typeName = "LinkageStageCount", field = "customerStage")
    String groupCustomerStage(LinkageStatistics.Group g) {
        return g.secondKey();
    }
}
