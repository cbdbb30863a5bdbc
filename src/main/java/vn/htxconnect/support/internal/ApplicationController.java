package vn.htxconnect.support.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.support.ApplicationInputs.AnswerSupportApplicationInput;
import vn.htxconnect.support.ApplicationInputs.ApplyForSupportInput;
import vn.htxconnect.support.ApplicationInputs.ReviewSupportApplicationInput;
import vn.htxconnect.support.ApplicationInputs.SupportApplicationPayload;
import vn.htxconnect.support.ApplicationInputs.SupportPaymentInput;
import vn.htxconnect.support.SupportApplication;
import vn.htxconnect.support.SupportFigures;
import vn.htxconnect.support.SupportProgram;

/**
 * Applications: the cooperative's members and the Alliance's staff read them (nobody else: they carry a
 * cooperative's finances), members apply and answer, the Alliance reviews and records payments; and the fund's
 * figures for the Alliance and partner keys with {@value CourseAccess#SCOPE}.
 */
@Controller
class ApplicationController implements NodeResolver {

    private final ApplicationStore store;
    private final ApplicationManagement management;
    private final SupportFigureQueries figures;
    private final ProgramStore programs;
    private final OrganizationService organizations;
    private final ProvinceService provinces;
    private final CategoryService categories;

    ApplicationController(ApplicationStore store, ApplicationManagement management, SupportFigureQueries figures,
                          ProgramStore programs, OrganizationService organizations, ProvinceService provinces,
                          CategoryService categories) {
        this.store = store;
        this.management = management;
        this.figures = figures;
        this.programs = programs;
        this.organizations = organizations;
        this.provinces = provinces;
        this.categories = categories;
    }

    /** What the filter of the application list takes. */
    record ApplicationFilter(String programId, String organizationId, SupportApplication.Status status) {
    }

    /** What the figure filter takes: days (Vietnam), inclusive. */
    record SupportFigureFilter(LocalDate from, LocalDate to, String province, String programId) {
    }

    @QueryMapping
    SupportApplication supportApplication(@Argument String id) {
        Actor a = Access.requireUser();
        long dbId = GlobalId.decode("id", id, SupportApplication.TYPE);
        SupportApplication app = store.findByIds(List.of(dbId)).get(dbId);
        if (app == null) {
            throw ApiException.notFound(Message.of("support.application.notFound"));
        }
        if (!reads(a, app)) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
        }
        return app;
    }

    /** The Alliance lists every application; a member lists those of an organization it belongs to (organizationId required). */
    @QueryMapping
    Connection<SupportApplication> supportApplications(@Argument ApplicationFilter filter, @Argument Integer first,
                                                       @Argument String after) {
        Actor a = Access.requireUser();
        ApplicationFilter f = filter == null ? new ApplicationFilter(null, null, null) : filter;
        Long org = f.organizationId() == null ? null : GlobalId.decode("filter.organizationId", f.organizationId(), Organization.TYPE);
        Long program = f.programId() == null ? null : GlobalId.decode("filter.programId", f.programId(), SupportProgram.TYPE);
        if (!a.isAlliance() && (org == null || !a.memberOf(org))) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
        }
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        Page<Long> ids = store.page(program, org, f.status(), offset, n);
        Map<Long, SupportApplication> rows = store.findByIds(ids.rows());
        return Connection.fromOffset(ids.rows().stream().map(rows::get).toList(), offset, n, ids.total());
    }

    @QueryMapping
    SupportFigures.Period supportFigures(@Argument SupportFigureFilter filter) {
        CourseController.figureReader();
        SupportFigureFilter f = filter == null ? new SupportFigureFilter(null, null, null, null) : filter;
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ApiException.badRequest("filter.to", Message.of("support.figures.period"));
        }
        Long program = f.programId() == null ? null : GlobalId.decode("filter.programId", f.programId(), SupportProgram.TYPE);
        return figures.period(new SupportFigures.Filter(f.from() == null ? null : CourseQueries.startOf(f.from()),
                f.to() == null ? null : CourseQueries.startOf(f.to().plusDays(1)),
                provinces.codeOf("filter.province", f.province()), program));
    }

    @MutationMapping
    SupportApplicationPayload applyForSupport(@Argument ApplyForSupportInput input) {
        return management.apply(input);
    }

    @MutationMapping
    SupportApplicationPayload answerSupportApplication(@Argument AnswerSupportApplicationInput input) {
        return management.answer(input);
    }

    @MutationMapping
    SupportApplicationPayload reviewSupportApplication(@Argument ReviewSupportApplicationInput input) {
        return management.review(input);
    }

    @MutationMapping
    SupportApplicationPayload recordSupportDisbursement(@Argument SupportPaymentInput input) {
        return management.disburse(input);
    }

    @MutationMapping
    SupportApplicationPayload recordSupportRepayment(@Argument SupportPaymentInput input) {
        return management.repay(input);
    }

    @BatchMapping(typeName = "SupportApplication", field = "program")
    Map<SupportApplication, SupportProgram> program(List<SupportApplication> page) {
        Map<Long, SupportProgram> byId = programs.findByIds(page.stream().map(SupportApplication::programId).distinct().toList());
        Map<SupportApplication, SupportProgram> out = new LinkedHashMap<>();
        page.forEach(a -> out.put(a, byId.get(a.programId())));
        return out;
    }

    @BatchMapping(typeName = "SupportApplication", field = "organization")
    Map<SupportApplication, Organization> organization(List<SupportApplication> page) {
        Map<Long, Organization> byId = organizations.findByIds(page.stream().map(SupportApplication::organizationId).distinct().toList());
        Map<SupportApplication, Organization> out = new LinkedHashMap<>();
        page.forEach(a -> out.put(a, byId.get(a.organizationId())));
        return out;
    }

    @BatchMapping(typeName = "SupportApplication", field = "history")
    Map<SupportApplication, List<SupportApplication.Event>> history(List<SupportApplication> page) {
        Map<Long, List<SupportApplication.Event>> byId = store.events(page.stream().map(SupportApplication::databaseId).toList());
        Map<SupportApplication, List<SupportApplication.Event>> out = new LinkedHashMap<>();
        page.forEach(a -> out.put(a, byId.getOrDefault(a.databaseId(), List.of())));
        return out;
    }

    /** Loans only: disbursed and not yet repaid. */
    @BatchMapping(typeName = "SupportApplication", field = "outstandingVnd")
    Map<SupportApplication, Long> outstanding(List<SupportApplication> page) {
        Map<Long, SupportProgram> byId = programs.findByIds(page.stream().map(SupportApplication::programId).distinct().toList());
        Map<SupportApplication, Long> out = new LinkedHashMap<>();
        page.stream().filter(a -> byId.get(a.programId()) != null && byId.get(a.programId()).kind() == SupportProgram.Kind.PREFERENTIAL_LOAN)
                .forEach(a -> out.put(a, a.disbursedVnd() - a.repaidVnd()));
        return out;
    }

    @SchemaMapping(typeName = "SupportApplication", field = "province")
    Province province(SupportApplication a) {
        return a.provinceCode() == null ? null : provinces.findByCode(a.provinceCode()).orElse(null);
    }

    /** The user's global ID, spelled here rather than read from the account module, which support does not use. */
    @SchemaMapping(typeName = "SupportApplicationEvent", field = "by")
    String by(SupportApplication.Event e) {
        return e.byUserId() == null ? null : GlobalId.encode("User", e.byUserId());
    }

    @BatchMapping(typeName = "SupportProgramFigures", field = "program")
    Map<SupportFigures.ByProgram, SupportProgram> figureProgram(List<SupportFigures.ByProgram> rows) {
        Map<Long, SupportProgram> byId = programs.findByIds(rows.stream().map(SupportFigures.ByProgram::programId).distinct().toList());
        Map<SupportFigures.ByProgram, SupportProgram> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r, byId.get(r.programId())));
        return out;
    }

    /** Costly (a walk over the cooperatives, once for all the programmes asked), so computed only when asked for. */
    @BatchMapping(typeName = "SupportProgramFigures", field = "reach")
    Map<SupportFigures.ByProgram, SupportFigureQueries.Reach> reach(List<SupportFigures.ByProgram> rows) {
        Map<Long, SupportFigureQueries.Reach> byProgram = figures.reach(rows.stream().map(SupportFigures.ByProgram::programId)
                .distinct().toList());
        Map<SupportFigures.ByProgram, SupportFigureQueries.Reach> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r, byProgram.get(r.programId())));
        return out;
    }

    @SchemaMapping(typeName = "SupportProvinceFigures", field = "province")
    Province figureProvince(SupportFigures.ByProvince p) {
        return p.provinceCode() == null ? null : provinces.findByCode(p.provinceCode()).orElse(null);
    }

    @SchemaMapping(typeName = "SupportSectorFigures", field = "sectorName")
    String sectorName(SupportFigures.BySector s) {
        return s.sectorCode() == null ? null : categories.findByCode(s.sectorCode()).map(c -> c.nameVi()).orElse(s.sectorCode());
    }

    private static boolean reads(Actor a, SupportApplication app) {
        return a.isAlliance() || a.memberOf(app.organizationId());
    }

    @Override
    public String typeName() {
        return SupportApplication.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        Actor a = Access.current();
        if (!a.isUser()) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.findByIds(List.of(id)).get(id)).filter(app -> reads(a, app));
    }
}
