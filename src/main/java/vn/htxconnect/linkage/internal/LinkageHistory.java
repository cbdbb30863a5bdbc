package vn.htxconnect.linkage.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.linkage.LinkageEnums.Action;
import vn.htxconnect.linkage.LinkageEnums.HistoryAction;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.platform.Actor;

/** The append-only history of linkage status changes. */
@Component
class LinkageHistory {

    /** One change: what, from which status to which, for which side, by whom, why and when. */
    record Entry(long linkageId, HistoryAction action, Status fromStatus, Status toStatus, Long actingOrganizationId,
                 String actorName, String reason, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    LinkageHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    void record(long linkageId, Action action, Status from, Status to, Long actingOrg, Actor actor, String reason, Instant at) {
        jdbc.update("""
                INSERT INTO supply_linkage_history (linkage_id, action, from_status, to_status, acting_org_id, user_id,
                                                    actor_name, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", linkageId, action.name(), from == null ? null : from.name(),
                to.name(), actingOrg, actor.userId(), actor.name(), reason, Timestamp.from(at));
    }

    /** Many rows by one actor in one JDBC batch (a merger moving all of an organization's linkages). */
    void recordAll(List<Entry> entries, Actor actor) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO supply_linkage_history (linkage_id, action, from_status, to_status, acting_org_id, user_id,
                                                    actor_name, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries.stream().map(e -> new Object[] {e.linkageId(), e.action().name(),
                e.fromStatus() == null ? null : e.fromStatus().name(), e.toStatus().name(), e.actingOrganizationId(),
                actor.userId(), actor.name(), e.reason(), Timestamp.from(e.at())}).toList());
    }

    /** The histories of many linkages in one SQL statement, oldest change first. */
    Map<Long, List<Entry>> of(Collection<Long> linkageIds) {
        Map<Long, List<Entry>> out = new LinkedHashMap<>();
        if (linkageIds.isEmpty()) {
            return out;
        }
        named.query("""
                SELECT linkage_id, action, from_status, to_status, acting_org_id, actor_name, reason, at
                FROM supply_linkage_history WHERE linkage_id IN (:ids) ORDER BY linkage_id, id""",
                new MapSqlParameterSource("ids", linkageIds), rs -> {
                    long id = rs.getLong("linkage_id");
                    String from = rs.getString("from_status");
                    long org = rs.getLong("acting_org_id");
                    Long acting = rs.wasNull() ? null : org;
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Entry(id, HistoryAction.valueOf(rs.getString("action")),
                            from == null ? null : Status.valueOf(from), Status.valueOf(rs.getString("to_status")),
                            acting, rs.getString("actor_name"), rs.getString("reason"), rs.getTimestamp("at").toInstant()));
                });
        return out;
    }
}
