package vn.htxconnect.support.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

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
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.support.Eligibility;
import vn.htxconnect.support.ProgramInputs.CreateSupportProgramInput;
import vn.htxconnect.support.ProgramInputs.SupportProgramPayload;
import vn.htxconnect.support.SupportProgram;

/**
 * The programme directory (public; partner keys with {@value CourseAccess#SCOPE}), its creation by the Alliance, and
 * eligibility: for an organization's members and the Alliance, and the reverse list for the Alliance.
 */
@Controller
class ProgramController implements NodeResolver {

    private final ProgramStore store;
    private final ProgramManagement management;
    private final ProgramEligibility eligibility;
    private final OrganizationService organizations;
    private final ProvinceService provinces;

    ProgramController(ProgramStore store, ProgramManagement management, ProgramEligibility eligibility,
                      OrganizationService organizations, ProvinceService provinces) {
        this.store = store;
        this.management = management;
        this.eligibility = eligibility;
        this.organizations = organizations;
        this.provinces = provinces;
    }

    @QueryMapping
    SupportProgram supportProgram(@Argument String id) {
        Access.requireScope(CourseAccess.SCOPE);
        long dbId = GlobalId.decode("id", id, SupportProgram.TYPE);
        return Optional.ofNullable(store.findByIds(List.of(dbId)).get(dbId))
                .orElseThrow(() -> ApiException.notFound(Message.of("support.program.notFound")));
    }

    @QueryMapping
    Connection<SupportProgram> supportPrograms(@Argument Boolean openOnly, @Argument Integer first, @Argument String after) {
        Access.requireScope(CourseAccess.SCOPE);
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        Page<Long> ids = store.page(Boolean.FALSE.equals(openOnly) ? null : LocalDate.now(VietnamTime.ZONE), offset, n);
        Map<Long, SupportProgram> rows = store.findByIds(ids.rows());
        return Connection.fromOffset(ids.rows().stream().map(rows::get).toList(), offset, n, ids.total());
    }

    @MutationMapping
    SupportProgramPayload createSupportProgram(@Argument CreateSupportProgramInput input) {
        return management.create(input);
    }

    /** Open programmes for one organization: its members (and admins) and the Alliance. */
    @QueryMapping
    List<Eligibility> eligiblePrograms(@Argument String organizationId) {
        Actor a = Access.requireUser();
        long orgId = GlobalId.decode("organizationId", organizationId, Organization.TYPE);
        if (!a.memberOf(orgId) && !a.isAlliance()) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
        }
        Organization o = organizations.findById(orgId)
                .orElseThrow(() -> ApiException.notFound(Message.of("organization.id.unknown", "organizationId")));
        return eligibility.forOrganization(o, store.open(LocalDate.now(VietnamTime.ZONE)));
    }

    /** The cooperatives eligible for a programme (the Alliance's staff). */
    @QueryMapping
    Connection<Eligibility> eligibleCooperatives(@Argument String programId, @Argument Boolean notApplied,
                                                 @Argument Integer first, @Argument String after) {
        Access.requireAlliance();
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        long dbId = GlobalId.decode("programId", programId, SupportProgram.TYPE);
        SupportProgram p = store.findByIds(List.of(dbId)).get(dbId);
        if (p == null) {
            throw ApiException.notFound(Message.of("support.program.notFound"));
        }
        List<Eligibility> all = eligibility.eligibleCooperatives(p, Boolean.TRUE.equals(notApplied));
        List<Eligibility> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + n + 1));
        return Connection.fromOffset(new ArrayList<>(page), offset, n, all.size());
    }

    @SchemaMapping(typeName = "EligibilityRule", field = "provinces")
    List<Province> ruleProvinces(SupportProgram.EligibilityRule r) {
        return r.kind() == SupportProgram.RuleKind.PROVINCES
                ? r.values().stream().map(c -> provinces.findByCode(c).orElse(null)).filter(p -> p != null).toList() : List.of();
    }

    @SchemaMapping(typeName = "EligibilityRule", field = "organizationKinds")
    List<String> ruleKinds(SupportProgram.EligibilityRule r) {
        return r.kind() == SupportProgram.RuleKind.ORGANIZATION_KINDS ? r.values() : List.of();
    }

    @SchemaMapping(typeName = "EligibilityRule", field = "sectors")
    List<String> ruleSectors(SupportProgram.EligibilityRule r) {
        return r.kind() == SupportProgram.RuleKind.SECTORS ? r.values() : List.of();
    }

    @SchemaMapping(typeName = "EligibilityRule", field = "certificationSchemes")
    List<String> ruleSchemes(SupportProgram.EligibilityRule r) {
        return r.kind() == SupportProgram.RuleKind.VALID_CERTIFICATION ? r.values() : List.of();
    }

    @Override
    public String typeName() {
        return SupportProgram.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        return Access.current().hasScope(CourseAccess.SCOPE) ? Optional.ofNullable(store.findByIds(List.of(id)).get(id)) : Optional.empty();
    }
}
