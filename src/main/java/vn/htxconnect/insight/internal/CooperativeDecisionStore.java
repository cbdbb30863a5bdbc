package vn.htxconnect.insight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.htxconnect.insight.CooperativeDecision;
import vn.htxconnect.organization.ActivitySource;

/** The append-only decision history: rows are inserted, never updated or deleted. */
@Component
class CooperativeDecisionStore {

    private static final String COLUMNS =
            "id, organization_id, kind, merged_into_org_id, note, decided_by_name, decided_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    CooperativeDecisionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    CooperativeDecision insert(long organizationId, CooperativeDecision.Kind kind, Long mergedInto, String note,
                               Long userId, String userName, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    INSERT INTO cooperative_decision (organization_id, kind, merged_into_org_id, note, decided_by_user_id,
                                                      decided_by_name, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, organizationId);
            ps.setString(2, kind.name());
            ps.setObject(3, mergedInto);
            ps.setString(4, note);
            ps.setObject(5, userId);
            ps.setString(6, userName);
            ps.setTimestamp(7, Timestamp.from(at));
            return ps;
        }, key);
        return new CooperativeDecision(key.getKey().longValue(), organizationId, kind, mergedInto, note, userName, at);
    }

    Optional<CooperativeDecision> findById(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cooperative_decision WHERE id = ?", CooperativeDecisionStore::row, id)
                .stream().findFirst();
    }

    /** The decisions on each organization, newest first, in one statement. */
    Map<Long, List<CooperativeDecision>> ofOrganizations(Collection<Long> organizationIds) {
        Map<Long, List<CooperativeDecision>> out = new LinkedHashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        named.query("SELECT " + COLUMNS + " FROM cooperative_decision WHERE organization_id IN (:ids)"
                        + " ORDER BY organization_id, decided_at DESC, id DESC",
                new MapSqlParameterSource("ids", organizationIds), (ResultSet rs) -> {
                    CooperativeDecision d = row(rs, 0);
                    out.computeIfAbsent(d.organizationId(), k -> new ArrayList<>()).add(d);
                });
        return out;
    }

    /** When each of the organizations was first dissolved or merged (absent: never), for the trend. */
    Map<Long, Instant> archivedAt(Collection<Long> organizationIds) {
        Map<Long, Instant> out = new HashMap<>();
        for (List<Long> chunk : ActivitySource.chunks(organizationIds)) {
            named.query("""
                    SELECT organization_id, MIN(decided_at) FROM cooperative_decision
                    WHERE organization_id IN (:ids) AND kind IN ('DISSOLVED', 'MERGED') GROUP BY organization_id""",
                    new MapSqlParameterSource("ids", chunk),
                    (ResultSet rs) -> {
                        out.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                    });
        }
        return out;
    }

    private static CooperativeDecision row(ResultSet rs, int i) throws SQLException {
        long merged = rs.getLong("merged_into_org_id");
        Long mergedInto = rs.wasNull() ? null : merged;
        return new CooperativeDecision(rs.getLong("id"), rs.getLong("organization_id"),
                CooperativeDecision.Kind.valueOf(rs.getString("kind")), mergedInto, rs.getString("note"),
                rs.getString("decided_by_name"), rs.getTimestamp("decided_at").toInstant());
    }
}
