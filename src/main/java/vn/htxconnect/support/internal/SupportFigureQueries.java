package vn.htxconnect.support.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.support.Eligibility;
import vn.htxconnect.support.SupportApplication.Status;
import vn.htxconnect.support.SupportFigures;
import vn.htxconnect.support.SupportFigures.Amounts;
import vn.htxconnect.support.SupportFigures.ByProgram;
import vn.htxconnect.support.SupportFigures.ByProvince;
import vn.htxconnect.support.SupportFigures.BySector;
import vn.htxconnect.support.SupportFigures.Period;
import vn.htxconnect.support.SupportFigures.Spread;
import vn.htxconnect.support.SupportProgram;

/**
 * The fund's figures. Two statements whatever the period: the applications submitted in it (one row each, the
 * columns the figures need; a province's fund takes hundreds a year, so the rows are few) and the programmes'
 * budgets and running sums. Medians and spreads need the values themselves, which portable SQL cannot give in
 * one pass, so they are computed here from those rows.
 */
@Component
class SupportFigureQueries {

    /**
     * Share of eligible cooperatives reached: {@code applied} is the organizations that ever applied to the
     * programme (any outcome), {@code eligibleNotApplied} the cooperatives that meet every rule now and have not
     * applied; the share is applied ÷ (applied + eligibleNotApplied).
     */
    record Reach(int applied, int eligibleNotApplied, Double share) {
    }

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;
    private final ProgramStore programs;
    private final ProgramEligibility eligibility;

    SupportFigureQueries(JdbcTemplate jdbc, ProgramStore programs, ProgramEligibility eligibility) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.programs = programs;
        this.eligibility = eligibility;
    }

    private record Row(long programId, long organizationId, String provinceCode, String sectorCode, Status status,
                       long requested, Long approved, long disbursed, long repaid, Instant submittedAt, Instant decidedAt,
                       LocalDate firstDisbursedOn) {
    }

    @Transactional(readOnly = true)
    public Period period(SupportFigures.Filter f) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        List<String> where = new ArrayList<>();
        if (f.from() != null) {
            where.add("submitted_at >= :from");
            p.addValue("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.add("submitted_at < :to");
            p.addValue("to", Timestamp.from(f.to()));
        }
        if (f.provinceCode() != null) {
            where.add("province_code = :province");
            p.addValue("province", f.provinceCode());
        }
        if (f.programId() != null) {
            where.add("program_id = :program");
            p.addValue("program", f.programId());
        }
        List<Row> rows = named.query("""
                SELECT program_id, organization_id, province_code, sector_code, status, requested_vnd, approved_vnd, disbursed_vnd,
                  repaid_vnd, submitted_at, decided_at, first_disbursed_on FROM support_application"""
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)), p, (rs, i) -> {
                    long approved = rs.getLong(7);
                    Long approvedVnd = rs.wasNull() ? null : approved;
                    Timestamp decided = rs.getTimestamp(11);
                    Date first = rs.getDate(12);
                    return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Status.valueOf(rs.getString(5)),
                            rs.getLong(6), approvedVnd, rs.getLong(8), rs.getLong(9), rs.getTimestamp(10).toInstant(),
                            decided == null ? null : decided.toInstant(), first == null ? null : first.toLocalDate());
                });
        Map<Long, long[]> sums = new HashMap<>();
        List<Long> programIds = rows.stream().map(Row::programId).distinct().toList();
        if (!programIds.isEmpty()) {
            named.query("SELECT id, budget_vnd, committed_vnd, disbursed_vnd FROM support_program WHERE id IN (:ids)",
                    new MapSqlParameterSource("ids", programIds),
                    rs -> {
                        sums.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    });
        }
        List<ByProgram> byProgram = new ArrayList<>();
        group(rows, Row::programId).forEach((id, group) -> {
            long[] s = sums.getOrDefault(id, new long[3]);
            Map<Long, Long> perBeneficiary = new HashMap<>();
            group.stream().filter(r -> r.status() == Status.APPROVED)
                    .forEach(r -> perBeneficiary.merge(r.organizationId(), r.approved(), Long::sum));
            List<Long> amounts = perBeneficiary.values().stream().sorted().toList();
            Spread spread = amounts.isEmpty() ? new Spread(null, null, null)
                    : new Spread(amounts.getFirst(), Math.round(median(amounts.stream().map(Long::doubleValue).toList())), amounts.getLast());
            Set<Long> applicants = new HashSet<>();
            group.forEach(r -> applicants.add(r.organizationId()));
            byProgram.add(new ByProgram(id, amounts(group), s[0], s[1], s[2], perBeneficiary.size(), spread,
                    daysToDecision(group), daysToFirstDisbursement(group), applicants.size()));
        });
        byProgram.sort(Comparator.comparingLong(ByProgram::programId));
        List<ByProvince> byProvince = new ArrayList<>();
        group(rows, Row::provinceCode).forEach((code, group) -> byProvince.add(new ByProvince(code, amounts(group))));
        List<BySector> bySector = new ArrayList<>();
        group(rows, Row::sectorCode).forEach((code, group) -> bySector.add(new BySector(code, amounts(group))));
        return new Period(f, amounts(rows), daysToDecision(rows), daysToFirstDisbursement(rows), byProgram, byProvince, bySector);
    }

    /**
     * See {@link Reach}, for every programme asked at once: one statement for who applied to each, one for the
     * programmes, and one eligibility walk of the cooperatives for all of them (its cost follows the cooperatives,
     * not the number of programmes).
     */
    @Transactional(readOnly = true)
    public Map<Long, Reach> reach(Collection<Long> programIds) {
        Map<Long, Reach> out = new HashMap<>();
        if (programIds.isEmpty()) {
            return out;
        }
        List<SupportProgram> ps = List.copyOf(programs.findByIds(programIds).values());
        Map<Long, Integer> applied = new HashMap<>();
        named.query("SELECT program_id, COUNT(DISTINCT organization_id) FROM support_application WHERE program_id IN (:ids) "
                + "GROUP BY program_id", Map.of("ids", programIds), rs -> {
                    applied.put(rs.getLong(1), rs.getInt(2));
                });
        Map<Long, List<Eligibility>> notApplied = eligibility.eligibleCooperatives(ps, true);
        for (long id : programIds) {
            int a = applied.getOrDefault(id, 0);
            int n = notApplied.getOrDefault(id, List.of()).size();
            out.put(id, new Reach(a, n, a + n == 0 ? null : (double) a / (a + n)));
        }
        return out;
    }

    /** Groups in key order, a null key (not known) last. */
    private static <K extends Comparable<K>> Map<K, List<Row>> group(List<Row> rows, Function<Row, K> key) {
        Map<K, List<Row>> out = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        rows.forEach(r -> out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return new LinkedHashMap<>(out);
    }

    private static Amounts amounts(List<Row> rows) {
        int approvals = 0;
        int rejections = 0;
        int pending = 0;
        long requested = 0;
        long approved = 0;
        long disbursed = 0;
        long repaid = 0;
        for (Row r : rows) {
            switch (r.status()) {
                case APPROVED -> approvals++;
                case REJECTED -> rejections++;
                default -> pending++;
            }
            requested += r.requested();
            approved += r.approved() == null ? 0 : r.approved();
            disbursed += r.disbursed();
            repaid += r.repaid();
        }
        return new Amounts(rows.size(), approvals, rejections, pending, requested, approved, disbursed, repaid);
    }

    /** Days (to a tenth) from application to decision, over the decided applications. */
    private static Double daysToDecision(List<Row> rows) {
        return median(rows.stream().filter(r -> r.decidedAt() != null)
                .map(r -> Math.round(ChronoUnit.MINUTES.between(r.submittedAt(), r.decidedAt()) / 144.0) / 10.0).toList());
    }

    /** Whole days from the approval's day to the first disbursement's day (Vietnam), over approvals disbursed at all. */
    private static Double daysToFirstDisbursement(List<Row> rows) {
        return median(rows.stream().filter(r -> r.decidedAt() != null && r.firstDisbursedOn() != null)
                .map(r -> (double) ChronoUnit.DAYS.between(r.decidedAt().atZone(VietnamTime.ZONE).toLocalDate(), r.firstDisbursedOn()))
                .toList());
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
