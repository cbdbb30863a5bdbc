package vn.htxconnect.program.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Leads recorded at events, in SQL; pages of many events in two statements. */
@Repository
class LeadStore {

    private static final String COLUMNS = "id, event_id, buyer_org_id, supplier_org_id, product_id, note, recorded_by_user_id,"
            + " recorded_at, conversation_id";

    /** How many leads an event has, and how many were turned into inquiries. */
    record Counts(long leads, long converted) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    LeadStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    long insert(long eventId, long buyer, long supplier, Long product, String note, Long userId, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO trade_event_lead (event_id, buyer_org_id, supplier_org_id, product_id, note, recorded_by_user_id,
                      recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, eventId);
            ps.setLong(2, buyer);
            ps.setLong(3, supplier);
            ps.setObject(4, product);
            ps.setString(5, note);
            ps.setObject(6, userId);
            ps.setTimestamp(7, Timestamp.from(now));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    Optional<TradeEventLead> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM trade_event_lead WHERE id = ?", LeadStore::lead, id).stream().findFirst();
    }

    /** Reads and locks the lead, so two conversions of it run one after the other. */
    Optional<TradeEventLead> lock(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM trade_event_lead WHERE id = ? FOR UPDATE", LeadStore::lead, id)
                .stream().findFirst();
    }

    Map<Long, TradeEventLead> findAll(Collection<Long> ids) {
        Map<Long, TradeEventLead> out = new HashMap<>();
        if (!ids.isEmpty()) {
            named.query("SELECT " + COLUMNS + " FROM trade_event_lead WHERE id IN (:ids)", new MapSqlParameterSource("ids", ids),
                    rs -> {
                        TradeEventLead l = lead(rs, 0);
                        out.put(l.databaseId(), l);
                    });
        }
        return out;
    }

    void setConversation(long id, long conversationId) {
        jdbc.update("UPDATE trade_event_lead SET conversation_id = ? WHERE id = ?", conversationId, id);
    }

    /**
     * A page of each event's leads, newest first: all of them ({@code visibleTo} null) or those with a
     * side among the organizations {@code visibleTo}.
     */
    Map<Long, Page<TradeEventLead>> pages(Collection<Long> eventIds, Collection<Long> visibleTo, int offset, int n) {
        Map<Long, Page<TradeEventLead>> pages = new HashMap<>();
        if (visibleTo != null && visibleTo.isEmpty()) {
            eventIds.forEach(id -> pages.put(id, Page.empty()));
            return pages;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("events", eventIds).addValue("from", offset)
                .addValue("to", offset + n + 1);
        String visible = "";
        if (visibleTo != null) {
            visible = " AND (buyer_org_id IN (:orgs) OR supplier_org_id IN (:orgs))";
            p.addValue("orgs", visibleTo);
        }
        Map<Long, List<TradeEventLead>> rows = new HashMap<>();
        named.query("SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS + ", ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY id DESC)"
                + " AS rn FROM trade_event_lead WHERE event_id IN (:events)" + visible + ") x WHERE rn > :from AND rn <= :to"
                + " ORDER BY event_id, rn", p, rs -> {
                    TradeEventLead l = lead(rs, 0);
                    rows.computeIfAbsent(l.eventId(), k -> new ArrayList<>()).add(l);
                });
        Map<Long, Long> totals = new HashMap<>();
        named.query("SELECT event_id, COUNT(*) AS n FROM trade_event_lead WHERE event_id IN (:events)" + visible
                + " GROUP BY event_id", p, rs -> {
                    totals.put(rs.getLong("event_id"), rs.getLong("n"));
                });
        eventIds.forEach(id -> pages.put(id, new Page<>(rows.getOrDefault(id, List.of()), totals.getOrDefault(id, 0L))));
        return pages;
    }

    /** Lead counts of each event, in one statement. */
    Map<Long, Counts> counts(Collection<Long> eventIds) {
        Map<Long, Counts> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        named.query("SELECT event_id, COUNT(*) AS n, COUNT(conversation_id) AS converted FROM trade_event_lead"
                + " WHERE event_id IN (:events) GROUP BY event_id", new MapSqlParameterSource("events", eventIds), rs -> {
                    out.put(rs.getLong("event_id"), new Counts(rs.getLong("n"), rs.getLong("converted")));
                });
        return out;
    }

    private static TradeEventLead lead(ResultSet rs, int row) throws SQLException {
        return new TradeEventLead(rs.getLong("id"), rs.getLong("event_id"), rs.getLong("buyer_org_id"),
                rs.getLong("supplier_org_id"), (Long) rs.getObject("product_id", Long.class), rs.getString("note"),
                rs.getObject("recorded_by_user_id", Long.class), rs.getTimestamp("recorded_at").toInstant(),
                rs.getObject("conversation_id", Long.class));
    }
}
