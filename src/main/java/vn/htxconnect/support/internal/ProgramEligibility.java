package vn.htxconnect.support.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Certification;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.support.Eligibility;
import vn.htxconnect.support.SupportApplication;
import vn.htxconnect.support.SupportProgram;
import vn.htxconnect.support.SupportProgram.EligibilityRule;
import vn.htxconnect.support.SupportProgram.RuleKind;

/**
 * Works out eligibility from the programmes' rule rows and what other modules say through their APIs: the
 * organization (kind, province, sectors, members, founding year, verification), its products' valid certificates
 * (catalog) and its latest activity of any kind (the organization module's activity sources). Only what some rule
 * needs is read.
 */
@Service
class ProgramEligibility {

    private final OrganizationService organizations;
    private final ProductService products;
    private final CategoryService categories;
    private final ProvinceService provinces;
    private final List<ActivitySource> sources;
    private final ApplicationStore applications;

    ProgramEligibility(OrganizationService organizations, ProductService products, CategoryService categories,
                       ProvinceService provinces, List<ActivitySource> sources, ApplicationStore applications) {
        this.applications = applications;
        this.organizations = organizations;
        this.products = products;
        this.categories = categories;
        this.provinces = provinces;
        this.sources = sources;
    }

    /** Each programme with every rule checked for one organization, eligible ones first. */
    @Transactional(readOnly = true)
    public List<Eligibility> forOrganization(Organization o, List<SupportProgram> programs) {
        Set<RuleKind> needed = needed(programs);
        Instant now = Instant.now();
        Map<Long, Instant> activity = needed.contains(RuleKind.NOT_PAPER_ONLY) ? latestActivity(List.of(o.databaseId()), now) : Map.of();
        // One statement: which programmes it applied to, and when each last approved (funded) it.
        List<ApplicationStore.Applied> applied = applications.appliedByOrganization(o.databaseId());
        Set<Long> appliedTo = new HashSet<>();
        applied.forEach(a -> appliedTo.add(a.programId()));
        EligibilityChecks.Facts facts = facts(o, needed, activity.get(o.databaseId()), now, descendants(programs), funded(applied, true));
        List<Eligibility> out = new ArrayList<>();
        for (SupportProgram p : programs) {
            out.add(evaluate(p, facts, appliedTo.contains(p.databaseId())));
        }
        out.sort((a, b) -> Boolean.compare(b.eligible(), a.eligible()));
        return out;
    }

    /**
     * The cooperatives (the three legal forms, not archived) eligible for a programme, in ID order: a walk over
     * all of them 1,000 at a time, each chunk checked in a statement per activity source; the certificate rule,
     * which needs their products, is checked last, for those of a chunk that meet every other rule at once (two
     * statements a chunk).
     */
    @Transactional(readOnly = true)
    public List<Eligibility> eligibleCooperatives(SupportProgram p, boolean withoutApplication) {
        return eligibleCooperatives(List.of(p), withoutApplication).get(p.databaseId());
    }

    /**
     * The same for several programmes in one walk (the figures' reach of every programme), so the cost follows
     * the cooperatives, not the number of programmes: one statement for the applications to all of them.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Eligibility>> eligibleCooperatives(List<SupportProgram> ps, boolean withoutApplication) {
        Map<Long, List<Eligibility>> out = new LinkedHashMap<>();
        ps.forEach(p -> out.put(p.databaseId(), new ArrayList<>()));
        if (ps.isEmpty()) {
            return out;
        }
        Set<RuleKind> needed = needed(ps);
        List<ApplicationStore.Applied> applied = applications.appliedToPrograms(out.keySet());
        Map<Long, Set<Long>> appliedOrgs = new HashMap<>();
        Map<Long, Map<Long, Instant>> fundedByOrg = new HashMap<>();
        for (ApplicationStore.Applied a : applied) {
            appliedOrgs.computeIfAbsent(a.programId(), k -> new HashSet<>()).add(a.organizationId());
        }
        for (SupportProgram p : ps) {
            fundedByOrg.put(p.databaseId(), funded(applied.stream().filter(a -> a.programId() == p.databaseId()).toList(), false));
        }
        Set<String> provinces = new HashSet<>();
        ps.forEach(p -> provinces.add(onlyProvince(p)));
        String province = provinces.size() == 1 ? provinces.iterator().next() : null;
        Instant now = Instant.now();
        Map<String, List<String>> descendants = descendants(ps);
        Set<RuleKind> cheap = EnumSet.copyOf(needed.isEmpty() ? EnumSet.of(RuleKind.VERIFIED_ONLY) : needed);
        cheap.remove(RuleKind.VALID_CERTIFICATION);
        long after = 0;
        while (true) {
            List<Organization> chunk = organizations.cooperativesIn(province, after, ActivitySource.MAX_IDS_PER_STATEMENT);
            if (chunk.isEmpty()) {
                break;
            }
            after = chunk.getLast().databaseId();
            List<Organization> active = chunk.stream().filter(Organization::active).toList();
            Map<Long, Instant> activity = needed.contains(RuleKind.NOT_PAPER_ONLY)
                    ? latestActivity(active.stream().map(Organization::databaseId).toList(), now) : Map.of();
            // First every rule but the certificates; then the certificates of those left, for the whole chunk at once.
            record Candidate(SupportProgram program, EligibilityChecks.Facts facts) {
            }
            List<Candidate> passing = new ArrayList<>();
            for (Organization o : active) {
                for (SupportProgram p : ps) {
                    boolean hasApplied = appliedOrgs.getOrDefault(p.databaseId(), Set.of()).contains(o.databaseId());
                    if (withoutApplication && hasApplied) {
                        continue;
                    }
                    Instant fundedAt = fundedByOrg.get(p.databaseId()).get(o.databaseId());
                    Map<Long, Instant> funded = fundedAt == null ? Map.of() : Map.of(p.databaseId(), fundedAt);
                    EligibilityChecks.Facts facts = facts(o, cheap, activity.get(o.databaseId()), now, descendants, funded);
                    if (p.rules().stream().filter(r -> r.kind() != RuleKind.VALID_CERTIFICATION)
                            .allMatch(r -> EligibilityChecks.check(p.databaseId(), r, facts).met())) {
                        passing.add(new Candidate(p, facts));
                    }
                }
            }
            Map<Long, Map<CertificationScheme, LocalDate>> certificates = needed.contains(RuleKind.VALID_CERTIFICATION)
                    ? validCertificates(passing.stream().map(c -> c.facts().organization().databaseId()).distinct().toList())
                    : Map.of();
            for (Candidate c : passing) {
                long org = c.facts().organization().databaseId();
                boolean hasApplied = appliedOrgs.getOrDefault(c.program().databaseId(), Set.of()).contains(org);
                Eligibility e = evaluate(c.program(), needed.contains(RuleKind.VALID_CERTIFICATION)
                        ? c.facts().withCertificates(certificates.getOrDefault(org, Map.of())) : c.facts(), hasApplied);
                if (e.eligible()) {
                    out.get(c.program().databaseId()).add(e);
                }
            }
            if (chunk.size() < ActivitySource.MAX_IDS_PER_STATEMENT) {
                break;
            }
        }
        return out;
    }

    /** A programme limited to one province lets the walk read only that province's cooperatives. */
    private static String onlyProvince(SupportProgram p) {
        return p.rules().stream().filter(r -> r.kind() == RuleKind.PROVINCES && r.values().size() == 1)
                .map(r -> r.values().getFirst()).findFirst().orElse(null);
    }

    private static Eligibility evaluate(SupportProgram p, EligibilityChecks.Facts facts, boolean applied) {
        List<Eligibility.Check> checks = p.rules().stream().map(r -> EligibilityChecks.check(p.databaseId(), r, facts)).toList();
        return new Eligibility(p, facts.organization(), checks.stream().allMatch(Eligibility.Check::met), checks, applied);
    }

    /** The latest approval of each programme ({@code byProgram}) or of each organization, from approved applications. */
    private static Map<Long, Instant> funded(List<ApplicationStore.Applied> applied, boolean byProgram) {
        Map<Long, Instant> out = new HashMap<>();
        for (ApplicationStore.Applied a : applied) {
            if (a.status() == SupportApplication.Status.APPROVED && a.decidedAt() != null) {
                out.merge(byProgram ? a.programId() : a.organizationId(), a.decidedAt(), (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        return out;
    }

    private static Set<RuleKind> needed(Collection<SupportProgram> programs) {
        Set<RuleKind> kinds = EnumSet.noneOf(RuleKind.class);
        programs.forEach(p -> p.rules().forEach(r -> kinds.add(r.kind())));
        return kinds;
    }

    private Map<String, List<String>> descendants(Collection<SupportProgram> programs) {
        Map<String, List<String>> out = new HashMap<>();
        programs.forEach(p -> p.rules().stream().filter(r -> r.kind() == RuleKind.SECTORS)
                .forEach(r -> r.values().forEach(c -> out.computeIfAbsent(c, categories::withDescendants))));
        return out;
    }

    private EligibilityChecks.Facts facts(Organization o, Set<RuleKind> needed, Instant latest, Instant now,
                                          Map<String, List<String>> descendants, Map<Long, Instant> funded) {
        Set<String> sectors = new HashSet<>();
        if (needed.contains(RuleKind.SECTORS) && o.sectors() != null) {
            o.sectors().forEach(s -> categories.resolve(s).ifPresent(c -> sectors.add(c.code())));
        }
        Map<CertificationScheme, LocalDate> certificates = needed.contains(RuleKind.VALID_CERTIFICATION)
                ? validCertificates(List.of(o.databaseId())).getOrDefault(o.databaseId(), Map.of()) : Map.of();
        return new EligibilityChecks.Facts(o, sectors, certificates, latest, now, descendants, provinceNames(), funded);
    }

    private Map<String, String> provinceNames;

    /** Code → name of the 34 provinces (fixed for the application's life). */
    private Map<String, String> provinceNames() {
        if (provinceNames == null) {
            Map<String, String> names = new HashMap<>();
            provinces.all().forEach((Province p) -> names.put(p.code(), p.name()));
            provinceNames = Map.copyOf(names);
        }
        return provinceNames;
    }

    /**
     * Valid certificates of a known scheme on these organizations' listed (not archived) products, the latest
     * expiry per scheme: two statements however many organizations.
     */
    private Map<Long, Map<CertificationScheme, LocalDate>> validCertificates(Collection<Long> organizationIds) {
        Map<Long, Map<CertificationScheme, LocalDate>> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        for (Product p : products.findByIds(products.idsOfOrganizations(organizationIds)).values()) {
            if (p.status() == ProductStatus.ARCHIVED) {
                continue;
            }
            for (Certification c : p.certifications()) {
                if (c.scheme().known() && c.validOn(today)) {
                    out.computeIfAbsent(p.organizationId(), k -> new HashMap<>())
                            .merge(c.scheme(), c.validTo() == null ? LocalDate.MAX : c.validTo(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return out;
    }

    /** The latest activity of any kind of each organization: one statement per activity source. */
    private Map<Long, Instant> latestActivity(List<Long> ids, Instant now) {
        Map<Long, Instant> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (ActivitySource s : sources) {
            s.lastActivity(ids, now).forEach((org, at) -> out.merge(org, at, (a, b) -> a.isAfter(b) ? a : b));
        }
        return out;
    }
}
