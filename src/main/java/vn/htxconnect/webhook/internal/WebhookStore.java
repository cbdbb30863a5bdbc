package vn.htxconnect.webhook.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.htxconnect.webhook.WebhookEvent;
import vn.htxconnect.webhook.WebhookEventType;

/** The webhook tables, in plain SQL (the claim needs {@code SKIP LOCKED}, which Hibernate's dialect would drop). */
@Component
class WebhookStore {

    /** A delivery's state. */
    enum State { PENDING, FAILED, DELIVERED, DEAD }

    record Endpoint(long id, Long organizationId, String url, String description, String secret, String previousSecret,
                    Instant previousSecretUntil, Set<WebhookEventType> eventTypes, List<String> provinceCodes,
                    List<String> categoryCodes, boolean enabled, int failureStreak, Instant failingSince,
                    Instant disabledAt, Instant createdAt, Instant updatedAt) {

        boolean hears(StoredEvent e) {
            return enabled && eventTypes.contains(e.type())
                    && (e.audience().isEmpty() || (organizationId != null && e.audience().contains(organizationId)))
                    && (provinceCodes.isEmpty() || e.provinceCode() == null || provinceCodes.contains(e.provinceCode()))
                    && (categoryCodes.isEmpty() || e.categoryCode() == null || categoryCodes.contains(e.categoryCode()));
        }
    }

    record StoredEvent(long id, WebhookEventType type, String objectId, Set<Long> audience, String provinceCode,
                       String categoryCode, String payload) {
    }

    record Delivery(long id, String messageId, long endpointId, long eventId, WebhookEventType eventType, String objectId,
                    String payload, State state, int attempt, Integer statusCode, Integer latencyMs, String lastError,
                    Instant lastAttemptAt, Instant nextAttemptAt, Instant createdAt) {
    }

    /** The previous secret only while it still signs (compared in the database's clock, as it was written). */
    private static final String ENDPOINT_COLUMNS = "id, organization_id, url, description, secret,"
            + " CASE WHEN previous_secret_until > CURRENT_TIMESTAMP(6) THEN previous_secret END AS previous_secret,"
            + " previous_secret_until, event_types, province_codes, category_codes, enabled, failure_streak, failing_since,"
            + " disabled_at, created_at, updated_at";
    private static final String DELIVERY_COLUMNS = "id, message_id, endpoint_id, event_id, event_type, object_id, payload,"
            + " state, attempt, status_code, latency_ms, last_error, last_attempt_at, next_attempt_at, created_at";

    private final JdbcTemplate jdbc;

    WebhookStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- endpoints

    long insertEndpoint(Long organizationId, String url, String description, String secret, Set<WebhookEventType> types,
                        List<String> provinces, List<String> categories) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO webhook_endpoint (organization_id, url, description, secret, event_types, province_codes, category_codes)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setObject(1, organizationId);
            ps.setString(2, url);
            ps.setString(3, description);
            ps.setString(4, secret);
            ps.setString(5, joinTypes(types));
            ps.setString(6, join(provinces));
            ps.setString(7, join(categories));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void updateEndpoint(long id, String url, String description, Set<WebhookEventType> types, List<String> provinces,
                        List<String> categories) {
        jdbc.update("""
                UPDATE webhook_endpoint SET url = ?, description = ?, event_types = ?, province_codes = ?, category_codes = ?,
                  updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?""", url, description, joinTypes(types), join(provinces),
                join(categories), id);
    }

    /** Enables (clearing the failure record) or disables an endpoint by its owner's choice. */
    /** The event types at least one enabled endpoint listens to. */
    Set<WebhookEventType> listenedTypes() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        jdbc.query("SELECT DISTINCT event_types FROM webhook_endpoint WHERE enabled", rs -> {
            for (String t : rs.getString(1).split(",")) {
                if (!t.isBlank()) {
                    types.add(WebhookEventType.valueOf(t.strip()));
                }
            }
        });
        return types;
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.update(enabled
                ? "UPDATE webhook_endpoint SET enabled = TRUE, disabled_at = NULL, failure_streak = 0, failing_since = NULL,"
                        + " updated_at = CURRENT_TIMESTAMP(6) WHERE id = ? AND enabled = FALSE"
                : "UPDATE webhook_endpoint SET enabled = FALSE, disabled_at = CURRENT_TIMESTAMP(6), updated_at = CURRENT_TIMESTAMP(6)"
                        + " WHERE id = ? AND enabled = TRUE", id);
    }

    void rotateSecret(long id, String secret, Duration previousValidity) {
        jdbc.update("""
                UPDATE webhook_endpoint SET previous_secret = secret, secret = ?,
                  previous_secret_until = TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP(6)), updated_at = CURRENT_TIMESTAMP(6)
                WHERE id = ?""", secret, previousValidity.toSeconds(), id);
    }

    void deleteEndpoint(long id) {
        // Deliveries go with it (ON DELETE CASCADE): a deleted endpoint is neither sent to nor logged any more.
        jdbc.update("DELETE FROM webhook_endpoint WHERE id = ?", id);
    }

    Optional<Endpoint> endpoint(long id) {
        return jdbc.query("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE id = ?", WebhookStore::endpointRow, id)
                .stream().findFirst();
    }

    Optional<Endpoint> lockEndpoint(long id) {
        return jdbc.query("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE id = ? FOR UPDATE",
                WebhookStore::endpointRow, id).stream().findFirst();
    }

    /** An organization's endpoints, or (null) the admin-owned ones, oldest first. */
    List<Endpoint> endpointsOf(Long organizationId) {
        return organizationId == null
                ? jdbc.query("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE organization_id IS NULL ORDER BY id",
                        WebhookStore::endpointRow)
                : jdbc.query("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE organization_id = ? ORDER BY id",
                        WebhookStore::endpointRow, organizationId);
    }

    int countOf(Long organizationId) {
        Integer n = organizationId == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM webhook_endpoint WHERE organization_id IS NULL", Integer.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM webhook_endpoint WHERE organization_id = ?", Integer.class, organizationId);
        return n == null ? 0 : n;
    }

    // --- events

    /** An event ready to store: its key, what it is about, and its body. */
    record NewEvent(String key, WebhookEvent event, String payload) {
    }

    /** Stores many events in one batch; returns their IDs in the same order (read back by their unique keys). */
    List<Long> insertEvents(List<NewEvent> events) {
        jdbc.batchUpdate("""
                INSERT INTO webhook_event (event_key, event_type, object_id, audience_org_ids, province_code, category_code, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", events.stream().map(n -> new Object[] {n.key(), n.event().type().name(),
                n.event().objectId(), audience(n.event().audience()), n.event().provinceCode(), n.event().categoryCode(),
                n.payload()}).toList());
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < events.size(); from += 1000) {
            List<NewEvent> chunk = events.subList(from, Math.min(events.size(), from + 1000));
            jdbc.query("SELECT event_key, id FROM webhook_event WHERE event_key IN (" + marks(chunk.size()) + ")",
                    rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    }, chunk.stream().map(NewEvent::key).toArray());
        }
        return events.stream().map(n -> ids.get(n.key())).toList();
    }

    private static String audience(Set<Long> audience) {
        return audience.isEmpty() ? null : audience.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    long insertEvent(String key, WebhookEventType type, String objectId, Set<Long> audience, String province,
                     String category, String payload) {
        GeneratedKeyHolder holder = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO webhook_event (event_key, event_type, object_id, audience_org_ids, province_code, category_code, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, key);
            ps.setString(2, type.name());
            ps.setString(3, objectId);
            ps.setString(4, audience(audience));
            ps.setString(5, province);
            ps.setString(6, category);
            ps.setString(7, payload);
            return ps;
        }, holder);
        return holder.getKey().longValue();
    }

    /**
     * Creates one PENDING delivery per endpoint that hears each event not fanned out yet, in event order, and marks
     * the events fanned out (a repeated outbox event finds nothing to do). Returns how many deliveries it created.
     */
    int fanOut(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        List<StoredEvent> events = jdbc.query("SELECT id, event_type, object_id, audience_org_ids, province_code, category_code,"
                + " payload FROM webhook_event WHERE fanned_out_at IS NULL AND id IN (" + marks(eventIds.size())
                + ") ORDER BY id FOR UPDATE", (rs, i) -> new StoredEvent(rs.getLong(1), WebhookEventType.valueOf(rs.getString(2)),
                rs.getString(3), ids(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)), eventIds.toArray());
        if (events.isEmpty()) {
            return 0;
        }
        Set<WebhookEventType> types = events.stream().map(StoredEvent::type).collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEventType.class)));
        // Endpoints are few per type; the type list is matched in SQL, audience and filters here.
        String typeCondition = types.stream().map(t -> "FIND_IN_SET(?, event_types) > 0").collect(Collectors.joining(" OR "));
        List<Endpoint> endpoints = jdbc.query("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE enabled AND ("
                + typeCondition + ")", WebhookStore::endpointRow, types.stream().map(Enum::name).toArray());
        List<Object[]> rows = new ArrayList<>();
        for (StoredEvent e : events) {
            for (Endpoint ep : endpoints) {
                if (ep.hears(e)) {
                    rows.add(new Object[] {Signatures.newId("msg_"), ep.id(), e.id(), e.type().name(), e.objectId(), e.payload()});
                }
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO webhook_delivery (message_id, endpoint_id, event_id, event_type, object_id, payload, state, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'PENDING', CURRENT_TIMESTAMP(6))""", rows);
        }
        jdbc.batchUpdate("UPDATE webhook_event SET fanned_out_at = CURRENT_TIMESTAMP(6) WHERE id = ?",
                events.stream().map(e -> new Object[] {e.id()}).toList());
        return rows.size();
    }

    // --- deliveries

    /**
     * Locks up to {@code limit} due deliveries to enabled endpoints that no other transaction holds (skipping, not
     * waiting for, locked ones) and whose object has no earlier event (by event ID) still open for the same endpoint
     * or not yet fanned out, and
     * reserves them for {@code lease}: a sender that dies mid-send leaves them due again after it. Call in a
     * transaction.
     */
    List<Delivery> claimDue(int limit, Duration lease) {
        // next_attempt_at is NULL once a delivery is DELIVERED or DEAD, so the due index alone finds open ones, in order.
        List<Delivery> due = jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery d FORCE INDEX (ix_webhook_delivery_due)"
                + " WHERE d.next_attempt_at <= CURRENT_TIMESTAMP(6)"
                + " AND EXISTS (SELECT 1 FROM webhook_endpoint e WHERE e.id = d.endpoint_id AND e.enabled)"
                // Order per object follows the events, not the deliveries: two instances may fan out a later event
                // before an earlier one (their outbox rows are claimed apart), so a delivery also waits while an
                // earlier event of its object has not been fanned out yet.
                + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.endpoint_id = d.endpoint_id"
                + "   AND p.object_id = d.object_id AND p.event_id < d.event_id AND p.state IN ('PENDING', 'FAILED'))"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_event ev WHERE ev.object_id = d.object_id"
                + "   AND ev.id < d.event_id AND ev.fanned_out_at IS NULL)"
                + " ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED", WebhookStore::deliveryRow, limit);
        if (!due.isEmpty()) {
            jdbc.batchUpdate("UPDATE webhook_delivery SET next_attempt_at = TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(6))"
                    + " WHERE id = ?", due.stream().map(d -> new Object[] {lease.toMillis() * 1000, d.id()}).toList());
        }
        return due;
    }

    void delivered(long id, int statusCode, int latencyMs) {
        jdbc.update("""
                UPDATE webhook_delivery SET state = 'DELIVERED', attempt = attempt + 1, status_code = ?, latency_ms = ?,
                  last_error = NULL, last_attempt_at = CURRENT_TIMESTAMP(6), next_attempt_at = NULL WHERE id = ?""",
                statusCode, latencyMs, id);
    }

    /** Records a failed attempt: retried after {@code retryIn}, or DEAD when that is null. */
    void failed(long id, Integer statusCode, int latencyMs, String error, Duration retryIn) {
        String e = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        if (retryIn == null) {
            jdbc.update("""
                    UPDATE webhook_delivery SET state = 'DEAD', attempt = attempt + 1, status_code = ?, latency_ms = ?, last_error = ?,
                      last_attempt_at = CURRENT_TIMESTAMP(6), next_attempt_at = NULL WHERE id = ?""", statusCode, latencyMs, e, id);
        } else {
            jdbc.update("""
                    UPDATE webhook_delivery SET state = 'FAILED', attempt = attempt + 1, status_code = ?, latency_ms = ?, last_error = ?,
                      last_attempt_at = CURRENT_TIMESTAMP(6),
                      next_attempt_at = TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(6)) WHERE id = ?""",
                    statusCode, latencyMs, e, retryIn.toMillis() * 1000, id);
        }
    }

    void endpointSucceeded(long endpointId) {
        jdbc.update("UPDATE webhook_endpoint SET failure_streak = 0, failing_since = NULL WHERE id = ?"
                + " AND (failure_streak <> 0 OR failing_since IS NOT NULL)", endpointId);
    }

    /** Notes a failed attempt (and, when {@code dead}, one more DEAD delivery in a row) on the endpoint. */
    void endpointFailed(long endpointId, boolean dead) {
        jdbc.update("UPDATE webhook_endpoint SET failing_since = COALESCE(failing_since, CURRENT_TIMESTAMP(6)),"
                + " failure_streak = failure_streak + ? WHERE id = ?", dead ? 1 : 0, endpointId);
    }

    /**
     * Disables an endpoint that kept failing: {@code deadLimit} DEAD deliveries in a row, or every attempt failed for
     * longer than {@code failingFor}. True when this call disabled it.
     */
    boolean disableFailing(long endpointId, int deadLimit, Duration failingFor) {
        return jdbc.update("""
                UPDATE webhook_endpoint SET enabled = FALSE, disabled_at = CURRENT_TIMESTAMP(6)
                WHERE id = ? AND enabled AND (failure_streak >= ?
                  OR failing_since < TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP(6)))""",
                endpointId, deadLimit, -failingFor.toSeconds()) == 1;
    }

    /**
     * Forgets delivered and dead deliveries older than {@code retention}, and events nothing refers to any more, up
     * to {@code limit} rows each; returns how many deliveries went.
     */
    int purge(Duration retention, int limit) {
        int deliveries = jdbc.update("DELETE FROM webhook_delivery WHERE state IN ('DELIVERED', 'DEAD')"
                + " AND created_at < TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP(6)) ORDER BY id LIMIT ?", -retention.toSeconds(), limit);
        jdbc.update("DELETE FROM webhook_event WHERE fanned_out_at IS NOT NULL AND created_at < TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP(6))"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = webhook_event.id) ORDER BY id LIMIT ?",
                -retention.toSeconds(), limit);
        return deliveries;
    }

    Optional<Delivery> delivery(long id) {
        return jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE id = ?", WebhookStore::deliveryRow, id)
                .stream().findFirst();
    }

    /** Sends a delivery's message again as a new log entry, with the same message ID (receivers deduplicate on it). */
    long redeliver(Delivery d) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO webhook_delivery (message_id, endpoint_id, event_id, event_type, object_id, payload, state, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'PENDING', CURRENT_TIMESTAMP(6))""", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, d.messageId());
            ps.setLong(2, d.endpointId());
            ps.setLong(3, d.eventId());
            ps.setString(4, d.eventType().name());
            ps.setString(5, d.objectId());
            ps.setString(6, d.payload());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** One page of an endpoint's delivery log, newest first, optionally of one state; plus the total. */
    List<Delivery> deliveries(long endpointId, State state, int offset, int limit) {
        return state == null
                ? jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE endpoint_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
                        WebhookStore::deliveryRow, endpointId, limit, offset)
                : jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE endpoint_id = ? AND state = ?"
                        + " ORDER BY id DESC LIMIT ? OFFSET ?", WebhookStore::deliveryRow, endpointId, state.name(), limit, offset);
    }

    long countDeliveries(long endpointId, State state) {
        Long n = state == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ?", Long.class, endpointId)
                : jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? AND state = ?", Long.class,
                        endpointId, state.name());
        return n == null ? 0 : n;
    }

    // --- mapping

    private static Endpoint endpointRow(ResultSet rs, int i) throws SQLException {
        long org = rs.getLong(2);
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String t : split(rs.getString(8))) {
            try {
                types.add(WebhookEventType.valueOf(t));
            } catch (IllegalArgumentException e) {
                // A type a newer release stored: this one cannot send it anyway.
            }
        }
        return new Endpoint(rs.getLong(1), rs.wasNull() ? null : org, rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs.getTimestamp(7)), types, split(rs.getString(9)), split(rs.getString(10)),
                rs.getBoolean(11), rs.getInt(12), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)));
    }

    private static Delivery deliveryRow(ResultSet rs, int i) throws SQLException {
        Integer status = rs.getInt(10);
        if (rs.wasNull()) {
            status = null;
        }
        Integer latency = rs.getInt(11);
        if (rs.wasNull()) {
            latency = null;
        }
        return new Delivery(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                WebhookEventType.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), State.valueOf(rs.getString(8)),
                rs.getInt(9), status, latency, rs.getString(12), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String joinTypes(Set<WebhookEventType> types) {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
    }

    private static Set<Long> ids(String value) {
        return split(value).stream().map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
