package vn.htxconnect.notification.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.htxconnect.notification.NotificationKind;

/**
 * The notification table in plain SQL: an append-only list read by keyset, bulk read marks, and
 * the feed's scans by ID, none of which gains from an entity.
 */
@Component
class NotificationStore {

    private static final String COLUMNS = "id, organization_id, kind, subject_id, params, created_at, read_at";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> PARAMS = new TypeReference<>() { };

    private static final RowMapper<Notification> ROW = (rs, n) -> new Notification(rs.getLong("id"),
            rs.getLong("organization_id"), NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject_id"),
            JSON.readValue(rs.getString("params"), PARAMS), instant(rs, "created_at"), instant(rs, "read_at"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    NotificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    long insert(long organizationId, NotificationKind kind, String subjectId, Map<String, String> params, Instant now) {
        String json = JSON.writeValueAsString(params);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO notification (organization_id, kind, subject_id, params, created_at) VALUES (?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, organizationId);
            ps.setString(2, kind.name());
            ps.setString(3, subjectId);
            ps.setString(4, json);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    Optional<Notification> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Up to {@code limit} of an organization's notifications, newest first, older than {@code beforeId} (null: from the newest). */
    List<Notification> page(long organizationId, boolean unreadOnly, Long beforeId, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("org", organizationId).addValue("limit", limit);
        String sql = "SELECT " + COLUMNS + " FROM notification WHERE organization_id = :org"
                + (unreadOnly ? " AND read_at IS NULL" : "") + (beforeId == null ? "" : " AND id < :before")
                + " ORDER BY id DESC LIMIT :limit";
        return named.query(sql, p.addValue("before", beforeId), ROW);
    }

    /** How many notifications an organization has, and how many of them are unread (one statement). */
    record Counts(long total, long unread) {
    }

    Counts counts(long organizationId) {
        return jdbc.queryForObject("""
                SELECT COUNT(*), COALESCE(SUM(read_at IS NULL), 0) FROM notification WHERE organization_id = ?""",
                (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)), organizationId);
    }

    long unread(long organizationId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE organization_id = ? AND read_at IS NULL",
                Long.class, organizationId);
    }

    /** Which of {@code ids} belong to the organization. */
    List<Long> owned(long organizationId, Collection<Long> ids) {
        return named.queryForList("SELECT id FROM notification WHERE organization_id = :org AND id IN (:ids)",
                new MapSqlParameterSource("org", organizationId).addValue("ids", ids), Long.class);
    }

    /** Marks unread notifications read: those of {@code ids}, or all of the organization's when null. */
    int markRead(long organizationId, Collection<Long> ids, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("org", organizationId).addValue("now", Timestamp.from(now));
        if (ids == null) {
            return named.update("UPDATE notification SET read_at = :now WHERE organization_id = :org AND read_at IS NULL", p);
        }
        return named.update("UPDATE notification SET read_at = :now WHERE organization_id = :org AND read_at IS NULL"
                + " AND id IN (:ids)", p.addValue("ids", ids));
    }

    /** Notifications with IDs above {@code afterId}, in ID order (the live feed's scan). */
    List<Notification> after(long afterId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE id > ? ORDER BY id LIMIT ?", ROW, afterId, limit);
    }

    List<Notification> byIds(Collection<Long> ids) {
        return named.query("SELECT " + COLUMNS + " FROM notification WHERE id IN (:ids) ORDER BY id",
                new MapSqlParameterSource("ids", ids), ROW);
    }

    /** Unread notifications in a window: the newest {@code limit} of them, and how many there are in all. */
    record Unread(List<Notification> newest, long total) {
    }

    /**
     * Unread notifications of these organizations created in (after, upTo], newest first, with their total (the
     * digest's list): one statement, the count taken over the whole window before the limit.
     */
    Unread unreadBetween(Collection<Long> organizationIds, Instant after, Instant upTo, int limit) {
        long[] total = {0};
        List<Notification> newest = named.query("SELECT " + COLUMNS + ", COUNT(*) OVER () AS total FROM notification"
                + " WHERE organization_id IN (:orgs) AND read_at IS NULL AND created_at > :after AND created_at <= :upTo"
                + " ORDER BY id DESC LIMIT :limit", window(organizationIds, after, upTo).addValue("limit", limit),
                (rs, n) -> {
                    total[0] = rs.getLong("total");
                    return ROW.mapRow(rs, n);
                });
        return new Unread(newest, total[0]);
    }

    private static MapSqlParameterSource window(Collection<Long> organizationIds, Instant after, Instant upTo) {
        return new MapSqlParameterSource("orgs", organizationIds).addValue("after", Timestamp.from(after))
                .addValue("upTo", Timestamp.from(upTo));
    }

    long maxId() {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM notification", Long.class);
        return max == null ? 0 : max;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
