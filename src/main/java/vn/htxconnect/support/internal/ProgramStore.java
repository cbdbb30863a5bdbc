package vn.htxconnect.support.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.htxconnect.support.SupportProgram;
import vn.htxconnect.support.SupportProgram.EligibilityRule;

/** Programmes and their rule rows; a page of programmes with their rules costs three statements. */
@Component
class ProgramStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ProgramStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    long insert(SupportProgram p, Long byUserId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO support_program (name, kind, legal_basis_kind, legal_basis, provider, description, budget_vnd,
                      amount_per_beneficiary_vnd, opens_on, closes_on, created_by_user_id, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, p.name());
            ps.setString(2, p.kind().name());
            ps.setString(3, p.legalBasisKind().name());
            ps.setString(4, p.legalBasis());
            ps.setString(5, p.provider());
            ps.setString(6, p.description());
            ps.setLong(7, p.budgetVnd());
            ps.setObject(8, p.amountPerBeneficiaryVnd());
            ps.setDate(9, Date.valueOf(p.opensOn()));
            ps.setDate(10, Date.valueOf(p.closesOn()));
            ps.setObject(11, byUserId);
            ps.setTimestamp(12, now);
            ps.setTimestamp(13, now);
            return ps;
        }, key);
        long id = Objects.requireNonNull(key.getKey()).longValue();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < p.rules().size(); i++) {
            EligibilityRule r = p.rules().get(i);
            rows.add(new Object[] {id, i, r.kind().name(), r.values() == null || r.values().isEmpty() ? null : String.join(",", r.values()),
                    r.minimum()});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO support_program_rule (program_id, position, kind, value_list, value_number) VALUES (?, ?, ?, ?, ?)", rows);
        }
        return id;
    }

    /** The programmes with these IDs, with their rules: two statements. */
    Map<Long, SupportProgram> findByIds(Collection<Long> ids) {
        Map<Long, SupportProgram> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("ids", ids);
        Map<Long, List<EligibilityRule>> rules = new HashMap<>();
        named.query("SELECT program_id, kind, value_list, value_number FROM support_program_rule WHERE program_id IN (:ids) "
                + "ORDER BY program_id, position", p, (ResultSet rs) -> {
                    String list = rs.getString(3);
                    int n = rs.getInt(4);
                    Integer minimum = rs.wasNull() ? null : n;
                    rules.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new EligibilityRule(
                            SupportProgram.RuleKind.valueOf(rs.getString(2)), list == null ? List.of() : Arrays.asList(list.split(",")),
                            minimum));
                });
        named.query("SELECT * FROM support_program WHERE id IN (:ids)", p, (ResultSet rs) -> {
            long id = rs.getLong("id");
            out.put(id, row(rs, rules.getOrDefault(id, List.of())));
        });
        return out;
    }

    private static SupportProgram row(ResultSet rs, List<EligibilityRule> rules) throws SQLException {
        long amount = rs.getLong("amount_per_beneficiary_vnd");
        Long perBeneficiary = rs.wasNull() ? null : amount;
        return new SupportProgram(rs.getLong("id"), rs.getString("name"), SupportProgram.Kind.valueOf(rs.getString("kind")),
                SupportProgram.LegalBasisKind.valueOf(rs.getString("legal_basis_kind")), rs.getString("legal_basis"),
                rs.getString("provider"), rs.getString("description"), rs.getLong("budget_vnd"), perBeneficiary,
                rs.getDate("opens_on").toLocalDate(), rs.getDate("closes_on").toLocalDate(), List.copyOf(rules),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    /** IDs of a page of programmes, latest window first; {@code openOn} keeps those not closed by that day. */
    Page<Long> page(LocalDate openOn, int offset, int n) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = "";
        if (openOn != null) {
            where = " WHERE closes_on >= :day";
            p.addValue("day", Date.valueOf(openOn));
        }
        long total = Objects.requireNonNull(named.queryForObject("SELECT COUNT(*) FROM support_program" + where, p, Long.class));
        p.addValue("limit", n + 1).addValue("offset", offset);
        List<Long> ids = named.queryForList("SELECT id FROM support_program" + where
                + " ORDER BY closes_on DESC, id DESC LIMIT :limit OFFSET :offset", p, Long.class);
        return new Page<>(ids, total);
    }

    /** Every programme whose window has not closed by {@code day}, soonest closing first. */
    List<SupportProgram> open(LocalDate day) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM support_program WHERE closes_on >= ? ORDER BY closes_on, id", Long.class,
                Date.valueOf(day));
        Map<Long, SupportProgram> rows = findByIds(ids);
        return ids.stream().map(rows::get).toList();
    }
}
