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

import vn.htxconnect.support.SupportApplication;
import vn.htxconnect.support.SupportApplication.Event;
import vn.htxconnect.support.SupportApplication.EventKind;
import vn.htxconnect.support.SupportApplication.Status;

/**
 * Applications, their history, and the programme's running sums. Writers lock the programme row first and the
 * application row second, always in that order, so two writers of one programme never deadlock.
 */
@Component
class ApplicationStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ApplicationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The programme's budget and running sums, locked until the transaction ends; null when there is none. */
    long[] lockProgram(long programId) {
        List<long[]> rows = jdbc.query("SELECT budget_vnd, committed_vnd, disbursed_vnd FROM support_program WHERE id = ? FOR UPDATE",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, programId);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    /** The program ID of an application, read without a lock (to know which programme row to lock first). */
    Long programOf(long applicationId) {
        List<Long> rows = jdbc.queryForList("SELECT program_id FROM support_application WHERE id = ?", Long.class, applicationId);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    SupportApplication lock(long id) {
        List<SupportApplication> rows = jdbc.query("SELECT * FROM support_application WHERE id = ? FOR UPDATE", (rs, i) -> row(rs), id);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    void addToProgram(long programId, long committed, long disbursed) {
        jdbc.update("UPDATE support_program SET committed_vnd = committed_vnd + ?, disbursed_vnd = disbursed_vnd + ? WHERE id = ?",
                committed, disbursed, programId);
    }

    /** The live application of an organization to a programme, if any. */
    boolean hasLive(long programId, long organizationId) {
        return !jdbc.queryForList("SELECT id FROM support_application WHERE program_id = ? AND live_organization_id = ?",
                Long.class, programId, organizationId).isEmpty();
    }

    long insert(SupportApplication a, Long byUserId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(a.submittedAt());
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO support_application (program_id, organization_id, live_organization_id, province_code, sector_code,
                      status, requested_vnd, purpose, attachments, applied_by_user_id, submitted_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, a.programId());
            ps.setLong(2, a.organizationId());
            ps.setLong(3, a.organizationId());
            ps.setString(4, a.provinceCode());
            ps.setString(5, a.sectorCode());
            ps.setString(6, a.status().name());
            ps.setLong(7, a.requestedVnd());
            ps.setString(8, a.purpose());
            ps.setString(9, joinAttachments(a.attachments()));
            ps.setObject(10, byUserId);
            ps.setTimestamp(11, now);
            ps.setTimestamp(12, now);
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    /** Writes the changed columns of an application and bumps its version. */
    void update(SupportApplication a) {
        jdbc.update("""
                UPDATE support_application SET status = ?, live_organization_id = ?, requested_vnd = ?, purpose = ?, attachments = ?,
                  approved_vnd = ?, disbursed_vnd = ?, repaid_vnd = ?, note = ?, decided_at = ?, first_disbursed_on = ?,
                  updated_at = ?, version = version + 1 WHERE id = ?""",
                a.status().name(), a.status() == Status.REJECTED ? null : a.organizationId(), a.requestedVnd(), a.purpose(),
                joinAttachments(a.attachments()), a.approvedVnd(), a.disbursedVnd(), a.repaidVnd(), a.note(),
                a.decidedAt() == null ? null : Timestamp.from(a.decidedAt()),
                a.firstDisbursedOn() == null ? null : Date.valueOf(a.firstDisbursedOn()), Timestamp.from(Instant.now()),
                a.databaseId());
    }

    void addEvent(long applicationId, EventKind kind, Status from, Status to, Long amount, LocalDate on, String note, Long byUserId) {
        jdbc.update("""
                INSERT INTO support_application_event (application_id, kind, from_status, to_status, amount_vnd, on_date, note,
                  by_user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                applicationId, kind.name(), from == null ? null : from.name(), to.name(), amount,
                on == null ? null : Date.valueOf(on), note, byUserId, Timestamp.from(Instant.now()));
    }

    Map<Long, SupportApplication> findByIds(Collection<Long> ids) {
        Map<Long, SupportApplication> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        named.query("SELECT * FROM support_application WHERE id IN (:ids)", new MapSqlParameterSource("ids", ids),
                (ResultSet rs) -> {
                    SupportApplication a = row(rs);
                    out.put(a.databaseId(), a);
                });
        return out;
    }

    /** The histories of these applications, oldest step first: one statement. */
    Map<Long, List<Event>> events(Collection<Long> applicationIds) {
        Map<Long, List<Event>> out = new HashMap<>();
        if (applicationIds.isEmpty()) {
            return out;
        }
        named.query("SELECT * FROM support_application_event WHERE application_id IN (:ids) ORDER BY application_id, id",
                new MapSqlParameterSource("ids", applicationIds), (ResultSet rs) -> {
                    String from = rs.getString("from_status");
                    long amount = rs.getLong("amount_vnd");
                    Long amountVnd = rs.wasNull() ? null : amount;
                    Date on = rs.getDate("on_date");
                    long by = rs.getLong("by_user_id");
                    Long byUser = rs.wasNull() ? null : by;
                    Event e = new Event(rs.getLong("id"), rs.getLong("application_id"), EventKind.valueOf(rs.getString("kind")),
                            from == null ? null : Status.valueOf(from), Status.valueOf(rs.getString("to_status")), amountVnd,
                            on == null ? null : on.toLocalDate(), rs.getString("note"), byUser, rs.getTimestamp("at").toInstant());
                    out.computeIfAbsent(e.applicationId(), k -> new ArrayList<>()).add(e);
                });
        return out;
    }

    /** IDs of a page of applications, newest first; nulls do not filter. */
    Page<Long> page(Long programId, Long organizationId, Status status, int offset, int n) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        List<String> where = new ArrayList<>();
        if (programId != null) {
            where.add("program_id = :program");
            p.addValue("program", programId);
        }
        if (organizationId != null) {
            where.add("organization_id = :org");
            p.addValue("org", organizationId);
        }
        if (status != null) {
            where.add("status = :status");
            p.addValue("status", status.name());
        }
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = Objects.requireNonNull(named.queryForObject("SELECT COUNT(*) FROM support_application" + clause, p, Long.class));
        p.addValue("limit", n + 1).addValue("offset", offset);
        List<Long> ids = named.queryForList("SELECT id FROM support_application" + clause
                + " ORDER BY submitted_at DESC, id DESC LIMIT :limit OFFSET :offset", p, Long.class);
        return new Page<>(ids, total);
    }

    /** What eligibility needs of past applications: per programme, the organizations that applied and when each was last approved. */
    record Applied(long programId, long organizationId, Status status, Instant decidedAt) {
    }

    /** Applications of one organization (to any programme): one statement. */
    List<Applied> appliedByOrganization(long organizationId) {
        return jdbc.query("SELECT program_id, organization_id, status, decided_at FROM support_application WHERE organization_id = ?",
                (rs, i) -> applied(rs), organizationId);
    }

    /** Applications to one programme (from any organization): one statement. */
    List<Applied> appliedToPrograms(Collection<Long> programIds) {
        if (programIds.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT program_id, organization_id, status, decided_at FROM support_application "
                + "WHERE program_id IN (:ids)", Map.of("ids", programIds), (rs, i) -> applied(rs));
    }

    private static Applied applied(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp(4);
        return new Applied(rs.getLong(1), rs.getLong(2), Status.valueOf(rs.getString(3)), decided == null ? null : decided.toInstant());
    }

    private static String joinAttachments(List<String> urls) {
        return urls == null || urls.isEmpty() ? null : String.join("\n", urls);
    }

    static SupportApplication row(ResultSet rs) throws SQLException {
        long approved = rs.getLong("approved_vnd");
        Long approvedVnd = rs.wasNull() ? null : approved;
        String attachments = rs.getString("attachments");
        Timestamp decided = rs.getTimestamp("decided_at");
        Date first = rs.getDate("first_disbursed_on");
        return new SupportApplication(rs.getLong("id"), rs.getLong("program_id"), rs.getLong("organization_id"),
                rs.getString("province_code"), rs.getString("sector_code"), Status.valueOf(rs.getString("status")),
                rs.getLong("requested_vnd"), rs.getString("purpose"),
                attachments == null ? List.of() : Arrays.asList(attachments.split("\n")), approvedVnd, rs.getLong("disbursed_vnd"),
                rs.getLong("repaid_vnd"), rs.getString("note"), rs.getTimestamp("submitted_at").toInstant(),
                decided == null ? null : decided.toInstant(), first == null ? null : first.toLocalDate(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
