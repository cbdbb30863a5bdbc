package vn.htxconnect.mail.internal;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import vn.htxconnect.mail.OutgoingMail;

/** The mail_message table: what waits to be sent, and a log of what was (without its body). */
final class MailStore {

    private MailStore() {
    }

    record Stored(long id, String to, String subject, String text, String purpose) {
    }

    static long insert(JdbcTemplate jdbc, OutgoingMail mail, String purpose) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "INSERT INTO mail_message (recipient, subject, body, purpose) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, mail.to());
            ps.setString(2, mail.subject());
            ps.setString(3, mail.text());
            ps.setString(4, purpose);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The mails of these IDs that still wait (a repeated outbox event finds its mail already sent). */
    static List<Stored> unsent(JdbcTemplate jdbc, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", ids.stream().map(id -> "?").toList());
        return jdbc.query("SELECT id, recipient, subject, body, purpose FROM mail_message WHERE sent_at IS NULL AND id IN ("
                + in + ")", (rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5)), ids.toArray());
    }

    /**
     * Marks a mail sent and forgets its body: a sent password-reset link has no business staying readable in
     * the database; the row remains as the log of what was sent to whom and when.
     */
    static void sent(JdbcTemplate jdbc, long id, String via) {
        jdbc.update("UPDATE mail_message SET sent_at = CURRENT_TIMESTAMP(6), body = NULL, sent_via = ?, last_error = NULL"
                + " WHERE id = ?", via, id);
    }

    static void failed(JdbcTemplate jdbc, long id, String error) {
        String e = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
        jdbc.update("UPDATE mail_message SET attempts = attempts + 1, last_error = ? WHERE id = ?", e, id);
    }
}
