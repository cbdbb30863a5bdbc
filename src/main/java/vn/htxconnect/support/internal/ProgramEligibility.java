package vn.htxconnect.support.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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

    ProgramEligibility(OrganizationService organizations, ProductService products, CategoryService categories,
                       ProvinceService provinces, List<ActivitySource> sources) {
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
        EligibilityChecks.Facts facts = facts(o, needed, activity.get(o.databaseId()), now, descendants(programs));
        List<Eligibility> out = new ArrayList<>();
        for (SupportProgram p : programs) {
            out.add(evaluate(p, facts));
        }
        out.sort((a, b) -> Boolean.compare(b.eligible(), a.eligible()));
        return out;
    }

    /**
     * The cooperatives (the three legal forms, not archived) eligible for a programme, in ID order: a walk over
     * all of them 1,000 at a time, each chunk checked in a statement per activity source; the certificate rule,
     * which needs each one's products, is checked last and only for those that meet every other rule.
     */
    @Transactional(readOnly = true)
    public List<Eligibility> eligibleCooperatives(SupportProgram p) {
        Set<RuleKind> needed = needed(List.of(p));
        String province = onlyProvince(p);
        Instant now = Instant.now();
        Map<String, List<String>> descendants = descendants(List.of(p));
        List<Eligibility> out = new ArrayList<>();
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
            Set<RuleKind> cheap = EnumSet.copyOf(needed.isEmpty() ? EnumSet.of(RuleKind.VERIFIED_ONLY) : needed);
            cheap.remove(RuleKind.VALID_CERTIFICATION);
            for (Organization o : active) {
                EligibilityChecks.Facts facts = facts(o, cheap, activity.get(o.databaseId()), now, descendants);
                boolean passes = p.rules().stream().filter(r -> r.kind() != RuleKind.VALID_CERTIFICATION)
                        .allMatch(r -> EligibilityChecks.check(r, facts).met());
                if (!passes) {
                    continue;
                }
                Eligibility e = evaluate(p, needed.contains(RuleKind.VALID_CERTIFICATION)
                        ? facts(o, needed, activity.get(o.databaseId()), now, descendants) : facts);
                if (e.eligible()) {
                    out.add(e);
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

    private static Eligibility evaluate(SupportProgram p, EligibilityChecks.Facts facts) {
        List<Eligibility.Check> checks = p.rules().stream().map(r -> EligibilityChecks.check(r, facts)).toList();
        return new Eligibility(p, facts.organization(), checks.stream().allMatch(Eligibility.Check::met), checks);
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
                                          Map<String, List<String>> descendants) {
        Set<String> sectors = new HashSet<>();
        if (needed.contains(RuleKind.SECTORS) && o.sectors() != null) {
            o.sectors().forEach(s -> categories.resolve(s).ifPresent(c -> sectors.add(c.code())));
        }
        Map<CertificationScheme, LocalDate> certificates = needed.contains(RuleKind.VALID_CERTIFICATION)
                ? validCertificates(o.databaseId()) : Map.of();
        return new EligibilityChecks.Facts(o, sectors, certificates, latest, now, descendants, provinceNames());
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

    /** Valid certificates of a known scheme on the organization's listed (not archived) products: two statements. */
    private Map<CertificationScheme, LocalDate> validCertificates(long organizationId) {
        List<Long> ids = products.idsOfOrganization(organizationId);
        Map<CertificationScheme, LocalDate> out = new HashMap<>();
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        for (Product p : products.findByIds(ids).values()) {
            if (p.status() == ProductStatus.ARCHIVED) {
                continue;
            }
            for (Certification c : p.certifications()) {
                if (c.scheme().known() && c.validOn(today)) {
                    out.merge(c.scheme(), c.validTo() == null ? LocalDate.MAX : c.validTo(), (a, b) -> a.isAfter(b) ? a : b);
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
