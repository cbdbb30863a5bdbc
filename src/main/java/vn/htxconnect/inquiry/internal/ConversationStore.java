package vn.htxconnect.inquiry.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The conversation tables in plain SQL: the inbox is a union of the two sides' indexes and message
 * pages of many conversations use a window function, which JPQL does not express.
 */
@Component
class ConversationStore {

    private static final String COLUMNS = """
            c.id, c.buyer_org_id, c.supplier_org_id, c.title, c.subject_id, c.created_at, c.last_message_at,
            c.last_message_preview, c.message_count, c.buyer_read_at, c.supplier_read_at, c.buyer_last_read_id,
            c.supplier_last_read_id, c.buyer_unread, c.supplier_unread""";

    private static final RowMapper<Conversation> CONVERSATION = (rs, n) -> new Conversation(
            rs.getLong("id"), rs.getLong("buyer_org_id"), rs.getLong("supplier_org_id"), rs.getString("title"),
            rs.getString("subject_id"), instant(rs, "created_at"), instant(rs, "last_message_at"),
            rs.getString("last_message_preview"), rs.getInt("message_count"), instant(rs, "buyer_read_at"),
            instant(rs, "supplier_read_at"), rs.getLong("buyer_last_read_id"), rs.getLong("supplier_last_read_id"),
            rs.getInt("buyer_unread"), rs.getInt("supplier_unread"), null);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ConversationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    Optional<Conversation> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM conversation c WHERE c.id = ?", CONVERSATION, id)
                .stream().findFirst();
    }

    /** Reads and locks the row, so messages and read marks of one conversation apply one after another. */
    Optional<Conversation> lock(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM conversation c WHERE c.id = ? FOR UPDATE", CONVERSATION, id)
                .stream().findFirst();
    }

    /** Many at once, in one statement. */
    List<Conversation> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT " + COLUMNS + " FROM conversation c WHERE c.id IN (:ids)",
                new MapSqlParameterSource("ids", ids), CONVERSATION);
    }

    /** The oldest conversation of the two organizations about a subject, locked (the first one is where parties look). */
    Optional<Conversation> lockAbout(long buyer, long supplier, String subjectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM conversation c WHERE c.buyer_org_id = ? AND c.supplier_org_id = ?"
                + " AND c.subject_id = ? ORDER BY c.id LIMIT 1 FOR UPDATE", CONVERSATION, buyer, supplier, subjectId)
                .stream().findFirst();
    }

    long insertConversation(long buyer, long supplier, String subjectType, String subjectId, String title,
                            Long userId, Instant now) {
        return insertConversation(buyer, supplier, subjectType, subjectId, title, userId, ConversationRole.BUYER, now);
    }

    /**
     * A new conversation; {@code openedBy} SUPPLIER marks one a supplier opened (with a quote), which
     * is not an inquiry: the daily limit and the response statistics leave it out.
     */
    long insertConversation(long buyer, long supplier, String subjectType, String subjectId, String title,
                            Long userId, ConversationRole openedBy, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO conversation (buyer_org_id, supplier_org_id, subject_type, subject_id, title,
                      started_by_user_id, created_at, last_message_at, opened_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, buyer);
            ps.setLong(2, supplier);
            ps.setString(3, subjectType);
            ps.setString(4, subjectId);
            ps.setString(5, title);
            ps.setObject(6, userId);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setString(9, openedBy.name());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /**
     * Adds a message and moves the conversation with it: the other side has one more unread message;
     * the sender's side has read everything (answering implies reading); a supplier's first message
     * is the conversation's first response, and its latest the time the supplier last replied.
     */
    long addMessage(Conversation c, ConversationRole sender, Long userId, String body, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO conversation_message (conversation_id, sender_org_id, sender_user_id, body, created_at)
                    VALUES (?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, c.databaseId());
            ps.setLong(2, c.organizationOf(sender));
            ps.setObject(3, userId);
            ps.setString(4, body);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps;
        }, key);
        long messageId = key.getKey().longValue();
        String own = sender == ConversationRole.BUYER ? "buyer" : "supplier";
        String other = sender == ConversationRole.BUYER ? "supplier" : "buyer";
        String firstResponse = sender == ConversationRole.SUPPLIER
                ? ", first_response_at = COALESCE(first_response_at, :now), supplier_replied_at = :now" : "";
        named.update("UPDATE conversation SET last_message_at = :now, last_message_id = :m, last_message_preview = :p,"
                + " message_count = message_count + 1, " + other + "_unread = " + other + "_unread + 1, "
                + own + "_last_read_id = :m, " + own + "_read_at = :now, " + own + "_unread = 0" + firstResponse
                + ", version = version + 1 WHERE id = :id", new MapSqlParameterSource("now", Timestamp.from(now))
                .addValue("m", messageId).addValue("p", InquiryText.preview(body)).addValue("id", c.databaseId()));
        return messageId;
    }

    /** The side has read every message (one statement: the last message is read from the row it updates). */
    void markRead(long conversationId, ConversationRole reader, Instant now) {
        String side = reader == ConversationRole.BUYER ? "buyer" : "supplier";
        jdbc.update("UPDATE conversation SET " + side + "_last_read_id = COALESCE(last_message_id, 0), " + side
                + "_read_at = ?, " + side + "_unread = 0, version = version + 1 WHERE id = ?",
                Timestamp.from(now), conversationId);
    }

    /**
     * A page of an organization's conversations, newest activity first, after the keyset
     * ({@code afterAt}, {@code afterId}); one statement, each side read through its own index.
     */
    List<Conversation> inbox(long organizationId, boolean unreadOnly, Instant afterAt, Long afterId, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("org", organizationId).addValue("limit", limit);
        String keyset = "";
        if (afterAt != null) {
            keyset = " AND (c.last_message_at < :at OR (c.last_message_at = :at AND c.id < :id))";
            p.addValue("at", Timestamp.from(afterAt)).addValue("id", afterId);
        }
        String sql = side("buyer", unreadOnly, keyset) + " UNION ALL " + side("supplier", unreadOnly, keyset)
                + " ORDER BY last_message_at DESC, id DESC LIMIT :limit";
        return named.query(sql, p, CONVERSATION);
    }

    private static String side(String side, boolean unreadOnly, String keyset) {
        return "(SELECT " + COLUMNS + " FROM conversation c WHERE c." + side + "_org_id = :org"
                + (unreadOnly ? " AND c." + side + "_unread > 0" : "") + keyset
                + " ORDER BY c.last_message_at DESC, c.id DESC LIMIT :limit)";
    }

    long inboxCount(long organizationId, boolean unreadOnly) {
        String unread = unreadOnly ? " AND buyer_unread > 0" : "";
        String unreadSupplier = unreadOnly ? " AND supplier_unread > 0" : "";
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM conversation WHERE buyer_org_id = ?" + unread
                + ") + (SELECT COUNT(*) FROM conversation WHERE supplier_org_id = ?" + unreadSupplier + ")",
                Long.class, organizationId, organizationId);
    }

    /** A raw message row; who sent it is told by the organization, resolved against its conversation. */
    record MessageRow(long id, long conversationId, long senderOrganizationId, String body, Instant sentAt) {
    }

    /**
     * Up to {@code limit} messages of each conversation, in one statement: forward after message
     * {@code cursorId} (0: from the start), or backward before it (0: from the end).
     */
    List<MessageRow> messages(Collection<Long> conversationIds, boolean backward, long cursorId, int limit) {
        String bound = cursorId == 0 ? "" : backward ? " AND m.id < :cursor" : " AND m.id > :cursor";
        String sql = """
                SELECT id, conversation_id, sender_org_id, body, created_at FROM (
                  SELECT m.id, m.conversation_id, m.sender_org_id, m.body, m.created_at,
                         ROW_NUMBER() OVER (PARTITION BY m.conversation_id ORDER BY m.id %s) AS rn
                  FROM conversation_message m WHERE m.conversation_id IN (:ids)%s) page
                WHERE rn <= :limit ORDER BY conversation_id, id""".formatted(backward ? "DESC" : "ASC", bound);
        return named.query(sql, new MapSqlParameterSource(Map.of("ids", conversationIds, "cursor", cursorId,
                "limit", limit)), (rs, n) -> new MessageRow(rs.getLong("id"), rs.getLong("conversation_id"),
                rs.getLong("sender_org_id"), rs.getString("body"), instant(rs, "created_at")));
    }

    /** Conversations a buyer organization started since {@code since}, oldest first (for the daily limit). */
    List<Instant> startedSince(long buyer, Instant since) {
        return jdbc.query("SELECT created_at FROM conversation WHERE buyer_org_id = ? AND created_at > ?"
                        + " AND opened_by = 'BUYER' ORDER BY created_at",
                (rs, n) -> instant(rs, "created_at"), buyer, Timestamp.from(since));
    }

    /**
     * Locks the buyer organization's sender row (creating it), so concurrent inquiries of one buyer
     * count one after another. {@code ON DUPLICATE KEY UPDATE} takes the exclusive lock at once;
     * a shared lock upgraded later could deadlock two requests.
     */
    void lockSender(long buyer, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("INSERT INTO inquiry_sender (organization_id, last_inquiry_at) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE last_inquiry_at = ?", buyer, at, at);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
