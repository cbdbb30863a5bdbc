package vn.htxconnect.insight.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.linkage.LinkageFigures;
import vn.htxconnect.organization.OrganizationFigures;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Message;
import vn.htxconnect.program.EventFigures;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/** Supply/demand gaps and the report's figures: for the Alliance and insight:read keys (unmet searches: {@link UnmetSearchController}). */
@Controller
class InsightController {

    static final int MAX_CELLS = 100;

    private final SupplyDemandGaps gaps;
    private final OrganizationFigures organizations;
    private final LinkageFigures linkages;
    private final CategoryService categories;
    private final ProvinceService provinces;
    private final vn.htxconnect.insight.ActivityStatusService activity;
    private final OrganizationService organizationService;
    private final EventFigures events;

    InsightController(SupplyDemandGaps gaps, OrganizationFigures organizations, LinkageFigures linkages,
                      CategoryService categories, ProvinceService provinces, vn.htxconnect.insight.ActivityStatusService activity,
                      OrganizationService organizationService, EventFigures events) {
        this.organizationService = organizationService;
        this.events = events;
        this.activity = activity;
        this.gaps = gaps;
        this.organizations = organizations;
        this.linkages = linkages;
        this.categories = categories;
        this.provinces = provinces;
    }

    record GapFilter(String category, String province, SupplyDemandGaps.Measure measure) {
    }

    @QueryMapping
    SupplyDemandGaps.Gap supplyDemandGap(@Argument GapFilter filter) {
        InsightAccess.require();
        GapFilter f = filter == null ? new GapFilter(null, null, null) : filter;
        String parent = categories.codeOf("filter.category", f.category());
        return gaps.compute(parent, provinces.codeOf("filter.province", f.province()),
                f.measure() == null ? SupplyDemandGaps.Measure.MASS : f.measure(), LocalDate.now(SupplyDemandGaps.VIETNAM));
    }

    @SchemaMapping(typeName = "SupplyDemandGap", field = "largestShortages")
    List<SupplyDemandGaps.Cell> largestShortages(SupplyDemandGaps.Gap g, @Argument Integer first) {
        return g.shortages(limit(first));
    }

    @SchemaMapping(typeName = "SupplyDemandGap", field = "largestSurpluses")
    List<SupplyDemandGaps.Cell> largestSurpluses(SupplyDemandGaps.Gap g, @Argument Integer first) {
        return g.surpluses(limit(first));
    }

    @SchemaMapping(typeName = "SupplyDemandGap", field = "unit")
    String gapUnit(SupplyDemandGaps.Gap g) {
        return g.measure().base.name();
    }

    @SchemaMapping(typeName = "SupplyDemandGap", field = "months")
    List<String> gapMonths(SupplyDemandGaps.Gap g) {
        return g.months().stream().map(Object::toString).toList();
    }

    @SchemaMapping(typeName = "SupplyDemandGap", field = "categories")
    List<Category> gapCategories(SupplyDemandGaps.Gap g) {
        return g.categoryCodes().stream().map(c -> categories.findByCode(c).orElse(null)).filter(java.util.Objects::nonNull).toList();
    }

    @SchemaMapping(typeName = "SupplyDemandCell", field = "category")
    Category cellCategory(SupplyDemandGaps.Cell c) {
        return categories.findByCode(c.categoryCode()).orElse(null);
    }

    @SchemaMapping(typeName = "SupplyDemandCell", field = "province")
    Province cellProvince(SupplyDemandGaps.Cell c) {
        return provinces.findByCode(c.provinceCode()).orElse(null);
    }

    @SchemaMapping(typeName = "SupplyDemandCell", field = "month")
    String cellMonth(SupplyDemandGaps.Cell c) {
        return c.month().toString();
    }

    /** The figures of one report: organizations, members, verification, linkages. */
    record Figures(String provinceCode, List<OrganizationFigures.Group> byKind, List<OrganizationFigures.Group> byProvince,
                   List<OrganizationFigures.Group> bySector, long cooperatives, long cooperativeMembers, long verifiedCooperatives,
                   long cooperativesWithActiveLinkage, List<LinkageFigures.Quarter> linkagesPerQuarter,
                   List<EventFigures.Quarter> eventsPerQuarter, long cooperativesInEvents) {

        public Double verifiedShare() {
            return cooperatives == 0 ? null : (double) verifiedCooperatives / cooperatives;
        }

        public Double shareWithActiveLinkage() {
            return cooperatives == 0 ? null : (double) cooperativesWithActiveLinkage / cooperatives;
        }

        public Double shareInEvents() {
            return cooperatives == 0 ? null : (double) cooperativesInEvents / cooperatives;
        }
    }

    @QueryMapping
    Figures cooperativeFigures(@Argument String province) {
        InsightAccess.require();
        String code = provinces.codeOf("province", province);
        OrganizationFigures.Figures o = organizations.figures(code);
        // Linkage and event participation count the same cooperatives as the other figures: registered, of the province.
        Set<Long> cooperatives = new HashSet<>();
        organizationService.registeredCooperatives().stream().filter(c -> code == null || code.equals(c.provinceCode()))
                .forEach(c -> cooperatives.add(c.id()));
        LocalDate today = LocalDate.now(SupplyDemandGaps.VIETNAM);
        return new Figures(code, o.byKind(), o.byProvince(), o.bySector(), o.cooperatives(), o.cooperativeMembers(),
                o.verifiedCooperatives(), linkages.withActiveLinkage(cooperatives::contains), linkages.formedPerQuarter(code, 8),
                events.perQuarter(cooperatives::contains, 8, today),
                events.participantsBetween(cooperatives::contains, today.minusMonths(12).plusDays(1), today));
    }

    @SchemaMapping(typeName = "CooperativeFigures", field = "province")
    Province figuresProvince(Figures f) {
        return f.provinceCode() == null ? null : provinces.findByCode(f.provinceCode()).orElse(null);
    }

    @SchemaMapping(typeName = "QuarterEventParticipation", field = "cooperatives")
    long participatingCooperatives(EventFigures.Quarter q) {
        return q.participants();
    }

    @SchemaMapping(typeName = "OrganizationGroup", field = "label")
    String groupLabel(OrganizationFigures.Group g) {
        return provinces.findByCode(g.key()).map(Province::name).orElse(g.key());
    }

    /** Counts of one province's cooperatives by status. */
    record ProvinceActivity(String provinceCode, vn.htxconnect.insight.ActivityStatusReport.Counts counts) {
    }

    /** Every province's cooperatives by activity status: one walk over all cooperatives, as the report does per province. */
    @QueryMapping
    List<ProvinceActivity> cooperativeActivityOverview() {
        InsightAccess.require();
        return activity.countsByProvince().entrySet().stream().map(e -> new ProvinceActivity(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparingLong((ProvinceActivity p) -> p.counts().total()).reversed())
                .toList();
    }

    @SchemaMapping(typeName = "ProvinceActivityCounts", field = "province")
    Province activityProvince(ProvinceActivity p) {
        return provinces.findByCode(p.provinceCode()).orElse(null);
    }

    private static int limit(Integer first) {
        int n = first == null ? 10 : first;
        if (n < 1 || n > MAX_CELLS) {
            throw ApiException.badRequest("first", Message.of("insight.first.range", MAX_CELLS));
        }
        return n;
    }
}
