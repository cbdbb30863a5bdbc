package vn.htxconnect.support.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.support.Eligibility.Check;
import vn.htxconnect.support.SupportProgram.EligibilityRule;

/**
 * Checks one rule against what is known of an organization and says why, from the same numbers: the
 * explanation is made where the decision is, so the two cannot disagree.
 */
final class EligibilityChecks {

    /**
     * The paper-only test, as the insight module's activity status defines it (no activity for 12 months, or none
     * ever after a 3-month grace for new registrations). The support module cannot ask insight (which is to show
     * support figures on its dashboard), so it reads the activity sources of the organization module itself.
     */
    static final int PAPER_ONLY_MONTHS = 12;
    static final int NEW_GRACE_MONTHS = 3;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * What the rules read of one organization: its own record, its sectors as category codes, its valid
     * certificates (scheme → latest expiry, null when open-ended), its latest activity of any kind, and when each
     * programme last approved an application of it (funded).
     */
    record Facts(Organization organization, Set<String> sectorCodes, Map<CertificationScheme, LocalDate> validCertificates,
                 Instant latestActivity, Instant now, Map<String, List<String>> categoryDescendants,
                 Map<String, String> provinceNames, Map<Long, Instant> lastFundedByProgram) {

        /** The same facts with the organization's valid certificates, read later for many at once. */
        Facts withCertificates(Map<CertificationScheme, LocalDate> certificates) {
            return new Facts(organization, sectorCodes, certificates, latestActivity, now, categoryDescendants,
                    provinceNames, lastFundedByProgram);
        }
    }

    private EligibilityChecks() {
    }

    static Check check(long programId, EligibilityRule rule, Facts f) {
        Organization o = f.organization();
        return switch (rule.kind()) {
            case NOT_FUNDED_WITHIN_YEARS -> {
                // Funded = an application approved by this programme; the years count from the approval.
                int years = rule.minimum();
                Instant funded = f.lastFundedByProgram().get(programId);
                if (funded == null) {
                    yield new Check(rule, true, Message.of("support.rule.funded.never", years));
                }
                String day = DAY.format(funded.atZone(VietnamTime.ZONE));
                boolean met = funded.isBefore(f.now().atZone(VietnamTime.ZONE).minusYears(years).toInstant());
                yield new Check(rule, met, met ? Message.of("support.rule.funded.met", day, years)
                        : Message.of("support.rule.funded.notMet", day, years));
            }
            case ORGANIZATION_KINDS -> {
                boolean met = rule.values().contains(o.kind().name());
                Message kind = kindLabel(o.kind());
                yield new Check(rule, met, met ? Message.of("support.rule.kind.met", kind) : Message.of("support.rule.kind.notMet", kind));
            }
            case PROVINCES -> {
                boolean met = rule.values().contains(o.provinceCode());
                String here = f.provinceNames().getOrDefault(o.provinceCode(), o.provinceCode());
                String listed = rule.values().stream().map(c -> f.provinceNames().getOrDefault(c, c)).collect(Collectors.joining(", "));
                yield new Check(rule, met, met ? Message.of("support.rule.province.met", here)
                        : Message.of("support.rule.province.notMet", here, listed));
            }
            case SECTORS -> {
                Set<String> wanted = rule.values().stream()
                        .flatMap(c -> f.categoryDescendants().getOrDefault(c, List.of(c)).stream()).collect(Collectors.toSet());
                boolean met = f.sectorCodes().stream().anyMatch(wanted::contains);
                String declared = o.sectors() == null || o.sectors().isEmpty() ? "–" : String.join(", ", o.sectors());
                yield new Check(rule, met, met ? Message.of("support.rule.sector.met", declared)
                        : Message.of("support.rule.sector.notMet", declared));
            }
            case MIN_MEMBERS -> {
                Integer members = o.memberCount();
                int min = rule.minimum();
                if (members == null) {
                    yield new Check(rule, false, Message.of("support.rule.members.unknown", min));
                }
                boolean met = members >= min;
                yield new Check(rule, met, met ? Message.of("support.rule.members.met", members, min)
                        : Message.of("support.rule.members.notMet", members, min));
            }
            case MIN_YEARS_OPERATING -> {
                int min = rule.minimum();
                if (o.foundedYear() == null) {
                    yield new Check(rule, false, Message.of("support.rule.years.unknown", min));
                }
                int years = f.now().atZone(VietnamTime.ZONE).getYear() - o.foundedYear();
                boolean met = years >= min;
                yield new Check(rule, met, met ? Message.of("support.rule.years.met", years, min)
                        : Message.of("support.rule.years.notMet", years, min));
            }
            case VERIFIED_ONLY -> new Check(rule, o.verified(),
                    o.verified() ? Message.of("support.rule.verified.met") : Message.of("support.rule.verified.notMet"));
            case NOT_PAPER_ONLY -> paperOnly(rule, f);
            case VALID_CERTIFICATION -> {
                List<CertificationScheme> schemes = rule.values().stream().map(CertificationScheme::valueOf).toList();
                CertificationScheme held = schemes.stream().filter(f.validCertificates()::containsKey).findFirst().orElse(null);
                String names = schemes.stream().map(CertificationScheme::displayName).collect(Collectors.joining("/"));
                yield new Check(rule, held != null, held != null ? Message.of("support.rule.certification.met", held.displayName())
                        : Message.of("support.rule.certification.notMet", names));
            }
        };
    }

    /** The kind's name in a sentence (every key spelled out, so the key check sees them). */
    static Message kindLabel(OrganizationKind kind) {
        return switch (kind) {
            case COOPERATIVE -> Message.of("support.orgKind.COOPERATIVE");
            case COOPERATIVE_UNION -> Message.of("support.orgKind.COOPERATIVE_UNION");
            case COOPERATIVE_GROUP -> Message.of("support.orgKind.COOPERATIVE_GROUP");
            case RETAIL_CHAIN -> Message.of("support.orgKind.RETAIL_CHAIN");
            case PROCESSOR -> Message.of("support.orgKind.PROCESSOR");
            case DISTRIBUTOR -> Message.of("support.orgKind.DISTRIBUTOR");
            case PARTNER -> Message.of("support.orgKind.PARTNER");
        };
    }

    private static Check paperOnly(EligibilityRule rule, Facts f) {
        Instant latest = f.latestActivity();
        Instant now = f.now();
        if (latest == null) {
            boolean isNew = f.organization().createdAt().isAfter(monthsBefore(now, NEW_GRACE_MONTHS));
            return new Check(rule, isNew, isNew ? Message.of("support.rule.activity.new", NEW_GRACE_MONTHS)
                    : Message.of("support.rule.activity.never"));
        }
        boolean met = latest.isAfter(monthsBefore(now, PAPER_ONLY_MONTHS));
        String month = MONTH.format(latest.atZone(VietnamTime.ZONE));
        return new Check(rule, met, met ? Message.of("support.rule.activity.met", month)
                : Message.of("support.rule.activity.notMet", PAPER_ONLY_MONTHS, month));
    }

    private static Instant monthsBefore(Instant at, int months) {
        return at.atZone(VietnamTime.ZONE).minusMonths(months).toInstant();
    }
}
