package vn.htxconnect.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.htxconnect.platform.GlobalId;

/** A support programme as read, with its eligibility rules in order. */
public record SupportProgram(long databaseId, String name, Kind kind, LegalBasisKind legalBasisKind, String legalBasis,
                             String provider, String description, long budgetVnd, Long amountPerBeneficiaryVnd,
                             LocalDate opensOn, LocalDate closesOn, List<EligibilityRule> rules, Instant createdAt,
                             long version) {

    public static final String TYPE = "SupportProgram";

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** What a programme gives. */
    public enum Kind { PREFERENTIAL_LOAN, GRANT, TRAINING, TRADE_PROMOTION, INFRASTRUCTURE, DIGITAL_TRANSFORMATION, YOUNG_STAFF }

    /** Where a programme's legal basis comes from. */
    public enum LegalBasisKind { LAW_2023_AND_DECREES, PROVINCIAL_RESOLUTION, NEW_COUNTRYSIDE_PROGRAMME, OTHER }

    /** Kinds of eligibility rule. */
    public enum RuleKind {
        ORGANIZATION_KINDS, PROVINCES, SECTORS, MIN_MEMBERS, MIN_YEARS_OPERATING, VERIFIED_ONLY, NOT_PAPER_ONLY,
        VALID_CERTIFICATION, NOT_FUNDED_WITHIN_YEARS
    }

    /**
     * One rule: {@code values} are the codes of list rules (organization kinds, province codes, category codes,
     * certification schemes; any one of them satisfies it), {@code minimum} the number of minimum rules
     * (the years of NOT_FUNDED_WITHIN_YEARS).
     */
    public record EligibilityRule(RuleKind kind, List<String> values, Integer minimum) {
    }
}
