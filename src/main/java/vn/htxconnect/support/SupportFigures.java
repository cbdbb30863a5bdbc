package vn.htxconnect.support;

import java.time.Instant;
import java.util.List;

/**
 * Figures of support applications for the Alliance's report. Counts and sums are over the applications submitted
 * in the period; medians are in whole days.
 */
public final class SupportFigures {

    private SupportFigures() {
    }

    /** Resolved filter: applications submitted at or after {@code from} and before {@code to}; nulls do not filter. */
    public record Filter(Instant from, Instant to, String provinceCode, Long programId) {
    }

    /** Counts and amounts of a group of applications. */
    public record Amounts(int applications, int approvals, int rejections, int pending, long requestedVnd,
                          long approvedVnd, long disbursedVnd, long repaidVnd) {
    }

    /** Minimum, median and maximum of a set of amounts (null when empty). */
    public record Spread(Long min, Long median, Long max) {
    }

    /**
     * One programme's figures: its amounts, budget and what is committed and disbursed of it (all time, not just
     * the period), beneficiaries (organizations approved) and the spread of approved amounts, the medians of days
     * from application to decision and from decision to first disbursement, and the organizations that applied.
     */
    public record ByProgram(long programId, Amounts amounts, long budgetVnd, long committedVnd, long programDisbursedVnd,
                            int beneficiaries, Spread amountPerBeneficiary, Double medianDaysToDecision,
                            Double medianDaysToFirstDisbursement, int applicants) {
    }

    public record ByProvince(String provinceCode, Amounts amounts) {
    }

    public record BySector(String sectorCode, Amounts amounts) {
    }

    public record Period(Filter filter, Amounts total, Double medianDaysToDecision, Double medianDaysToFirstDisbursement,
                         List<ByProgram> byProgram, List<ByProvince> byProvince, List<BySector> bySector) {
    }
}
