package vn.htxconnect.program.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.stereotype.Repository;

import vn.htxconnect.program.TradeEventEnums.Role;

/**
 * Participants of events and the products exhibitors show, in SQL. Pages of many events come in two
 * statements (rows numbered per event, counts grouped per event), whatever the number of events.
 */
@Repository
class ParticipationStore {

    private static final String COLUMNS = "event_id, organization_id, role, booth, registered_at, attended, checked_in_at";

    /** One row of an event's roster, for outcomes and membership checks. */
    record RosterEntry(long eventId, long organizationId, Role role, boolean attended) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ParticipationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    Optional<Participant> find(long eventId, long organizationId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM trade_event_participant WHERE event_id = ? AND organization_id = ?",
                ParticipationStore::participant, eventId, organizationId).stream().findFirst();
    }

    /** The given organizations' registrations for the event (one statement). */
    Map<Long, Participant> find(long eventId, Collection<Long> organizationIds) {
        Map<Long, Participant> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        named.query("SELECT " + COLUMNS + " FROM trade_event_participant WHERE event_id = :e AND organization_id IN (:o)",
                new MapSqlParameterSource("e", eventId).addValue("o", organizationIds),
                rs -> {
                    Participant p = participant(rs, 0);
                    out.put(p.organizationId(), p);
                });
        return out;
    }

    void insert(long eventId, long organizationId, Role role, String booth, Long userId, Instant now) {
        jdbc.update("""
                INSERT INTO trade_event_participant (event_id, organization_id, role, booth, registered_at, registered_by_user_id)
                VALUES (?, ?, ?, ?, ?, ?)""", eventId, organizationId, role.name(), booth, Timestamp.from(now), userId);
    }

    void insertProducts(long eventId, long organizationId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        List<Object[]> rows = productIds.stream().map(p -> new Object[] {eventId, organizationId, p}).toList();
        jdbc.batchUpdate("INSERT INTO trade_event_product (event_id, organization_id, product_id) VALUES (?, ?, ?)", rows);
    }

    void checkIn(long eventId, long organizationId, Instant now) {
        jdbc.update("UPDATE trade_event_participant SET attended = TRUE, checked_in_at = ? WHERE event_id = ? AND organization_id = ?",
                Timestamp.from(now), eventId, organizationId);
    }

    /** A page of each event's participants (exhibitors first, then by registration), optionally of one role. */
    Map<Long, Page<Participant>> pages(Collection<Long> eventIds, Role role, int offset, int n) {
        MapSqlParameterSource p = new MapSqlParameterSource("events", eventIds).addValue("from", offset)
                .addValue("to", offset + n + 1);
        String byRole = "";
        if (role != null) {
            byRole = " AND role = :role";
            p.addValue("role", role.name());
        }
        Map<Long, List<Participant>> rows = new HashMap<>();
        named.query("SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS + ", ROW_NUMBER() OVER (PARTITION BY event_id"
                + " ORDER BY role, registered_at, organization_id) AS rn FROM trade_event_participant WHERE event_id IN (:events)"
                + byRole + ") x WHERE rn > :from AND rn <= :to ORDER BY event_id, rn", p, rs -> {
                    Participant row = participant(rs, 0);
                    rows.computeIfAbsent(row.eventId(), k -> new ArrayList<>()).add(row);
                });
        Map<Long, Long> totals = new HashMap<>();
        named.query("SELECT event_id, COUNT(*) AS n FROM trade_event_participant WHERE event_id IN (:events)" + byRole
                + " GROUP BY event_id", p, rs -> {
                    totals.put(rs.getLong("event_id"), rs.getLong("n"));
                });
        Map<Long, Page<Participant>> pages = new HashMap<>();
        eventIds.forEach(id -> pages.put(id, new Page<>(rows.getOrDefault(id, List.of()), totals.getOrDefault(id, 0L))));
        return pages;
    }

    /** The products each participant shows, in one statement. */
    Map<Participant, List<Long>> productIds(Collection<Participant> participants) {
        Map<Participant, List<Long>> out = new LinkedHashMap<>();
        participants.forEach(p -> out.put(p, new ArrayList<>()));
        List<Participant> exhibitors = participants.stream().filter(p -> p.role() == Role.EXHIBITOR).toList();
        if (exhibitors.isEmpty()) {
            return out;
        }
        Map<List<Long>, Participant> byKey = new HashMap<>();
        exhibitors.forEach(p -> byKey.put(List.of(p.eventId(), p.organizationId()), p));
        List<Object[]> keys = exhibitors.stream().map(p -> new Object[] {p.eventId(), p.organizationId()}).toList();
        named.query("SELECT event_id, organization_id, product_id FROM trade_event_product"
                + " WHERE (event_id, organization_id) IN (:keys) ORDER BY product_id",
                new MapSqlParameterSource("keys", keys), rs -> {
                    Participant p = byKey.get(List.of(rs.getLong("event_id"), rs.getLong("organization_id")));
                    if (p != null) {
                        out.get(p).add(rs.getLong("product_id"));
                    }
                });
        return out;
    }

    /** A page of the products shown at each event (IDs, by exhibitor then product), in two statements. */
    Map<Long, Page<Long>> productPages(Collection<Long> eventIds, int offset, int n) {
        MapSqlParameterSource p = new MapSqlParameterSource("events", eventIds).addValue("from", offset)
                .addValue("to", offset + n + 1);
        Map<Long, List<Long>> rows = new HashMap<>();
        named.query("""
                SELECT event_id, product_id FROM (SELECT event_id, product_id, ROW_NUMBER() OVER (PARTITION BY event_id
                  ORDER BY organization_id, product_id) AS rn FROM trade_event_product WHERE event_id IN (:events)) x
                WHERE rn > :from AND rn <= :to ORDER BY event_id, rn""", p, rs -> {
                    rows.computeIfAbsent(rs.getLong("event_id"), k -> new ArrayList<>()).add(rs.getLong("product_id"));
                });
        Map<Long, Long> totals = new HashMap<>();
        named.query("SELECT event_id, COUNT(*) AS n FROM trade_event_product WHERE event_id IN (:events) GROUP BY event_id",
                p, rs -> {
                    totals.put(rs.getLong("event_id"), rs.getLong("n"));
                });
        Map<Long, Page<Long>> pages = new HashMap<>();
        eventIds.forEach(id -> pages.put(id, new Page<>(rows.getOrDefault(id, List.of()), totals.getOrDefault(id, 0L))));
        return pages;
    }

    /** Every participant of the given events, in one statement. */
    List<RosterEntry> rosters(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT event_id, organization_id, role, attended FROM trade_event_participant WHERE event_id IN (:events)",
                new MapSqlParameterSource("events", eventIds), (rs, i) -> new RosterEntry(rs.getLong("event_id"),
                        rs.getLong("organization_id"), Role.valueOf(rs.getString("role")), rs.getBoolean("attended")));
    }

    private static Participant participant(ResultSet rs, int row) throws SQLException {
        Timestamp checkedIn = rs.getTimestamp("checked_in_at");
        return new Participant(rs.getLong("event_id"), rs.getLong("organization_id"), Role.valueOf(rs.getString("role")),
                rs.getString("booth"), rs.getTimestamp("registered_at").toInstant(), rs.getBoolean("attended"),
                checkedIn == null ? null : checkedIn.toInstant());
    }
}
