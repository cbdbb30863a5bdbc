package vn.htxconnect.notification.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.account.UserDirectory;
import vn.htxconnect.account.UserDirectory.Recipient;
import vn.htxconnect.mail.MailService;
import vn.htxconnect.mail.OutgoingMail;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.platform.VietnamTime;

/**
 * The optional daily e-mail digest of unread notifications: each user who asked for it gets, once a day at
 * {@code htx.notification.digest.hour} (Vietnam time), one mail in their language listing the unread notifications
 * of their organizations that arrived since the last digest — none when there are none. Several instances share
 * the work: due rows are claimed with {@code SKIP LOCKED}, and a mail is queued in the transaction that moves the
 * row's window on, so a digest is sent once, and not lost when the mail server is away (the outbox retries it).
 */
@Component
class NotificationDigests {

    private static final Logger log = LoggerFactory.getLogger(NotificationDigests.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final NotificationStore store;
    private final UserDirectory users;
    private final OrganizationService organizations;
    private final MailService mail;
    private final TransactionTemplate tx;
    private final int hour;
    private final int maxItems;

    NotificationDigests(JdbcTemplate jdbc, NotificationStore store, UserDirectory users,
                        OrganizationService organizations, MailService mail, TransactionTemplate tx,
                        @Value("${htx.notification.digest.hour:7}") int hour,
                        @Value("${htx.notification.digest.max-items:20}") int maxItems) {
        this.jdbc = jdbc;
        this.store = store;
        this.users = users;
        this.organizations = organizations;
        this.mail = mail;
        this.tx = tx;
        this.hour = hour;
        this.maxItems = maxItems;
    }

    /** A user's digest setting; {@code nextDueAt} null when it is off. */
    record Setting(boolean enabled, Instant nextDueAt, Instant lastSentAt) {
    }

    @Transactional(readOnly = true)
    Setting get(long userId) {
        return jdbc.query("SELECT enabled, next_due_at, last_sent_at FROM notification_digest WHERE user_id = ?",
                (rs, i) -> setting(rs.getBoolean(1), rs.getTimestamp(2), rs.getTimestamp(3)), userId)
                .stream().findFirst().orElse(new Setting(false, null, null));
    }

    /**
     * Turns the digest on or off. Turned on (again), the first digest covers the day before, so whoever turns it on
     * in the evening gets the day's unread news the next morning; turned on while already on, nothing moves.
     */
    @Transactional
    Setting set(long userId, boolean enabled, Instant now) {
        // MariaDB and MySQL apply the assignments left to right: covered_until reads enabled before it changes.
        jdbc.update("""
                INSERT INTO notification_digest (user_id, enabled, next_due_at, covered_until, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE
                  covered_until = IF(enabled, covered_until, VALUES(covered_until)),
                  next_due_at = IF(enabled, next_due_at, VALUES(next_due_at)),
                  enabled = VALUES(enabled), updated_at = VALUES(updated_at)""",
                userId, enabled, Timestamp.from(nextDue(now)), Timestamp.from(now.minus(Duration.ofDays(1))),
                Timestamp.from(now));
        return get(userId);
    }

    @Scheduled(fixedDelayString = "${htx.notification.digest.check-interval:5m}", initialDelayString = "1m")
    void scheduled() {
        try {
            runDue(Instant.now());
        } catch (RuntimeException e) {
            log.warn("Notification digests not sent this round, tried again at the next: {}", e.toString());
        }
    }

    /** Sends every digest due at {@code now}; returns how many mails were queued. */
    int runDue(Instant now) {
        int sent = 0;
        while (true) {
            int[] batch = tx.execute(s -> batch(now));
            sent += batch[1];
            if (batch[0] < BATCH) {
                return sent;
            }
        }
    }

    private record Due(long userId, Instant coveredUntil) {
    }

    /** One transaction: claims up to BATCH due rows, queues their mails, moves their windows on. {claimed, sent}. */
    private int[] batch(Instant now) {
        List<Due> due = jdbc.query("""
                SELECT user_id, covered_until FROM notification_digest
                WHERE enabled = TRUE AND next_due_at <= ? ORDER BY next_due_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new Due(rs.getLong(1), rs.getTimestamp(2).toInstant()), Timestamp.from(now), BATCH);
        if (due.isEmpty()) {
            return new int[] {0, 0};
        }
        Map<Long, Recipient> recipients = users.recipients(due.stream().map(Due::userId).toList());
        // Organization names label the lines of people in several organizations: read once for the whole batch.
        Set<Long> labelled = recipients.values().stream().filter(r -> r.organizationIds().size() > 1)
                .flatMap(r -> r.organizationIds().stream()).collect(Collectors.toSet());
        Map<Long, Organization> names = labelled.isEmpty() ? Map.of() : organizations.findByIds(labelled);
        List<Object[]> moved = new ArrayList<>();
        int sent = 0;
        for (Due d : due) {
            Recipient r = recipients.get(d.userId());
            boolean mailed = r != null && !r.organizationIds().isEmpty() && send(r, d.coveredUntil(), now, names);
            sent += mailed ? 1 : 0;
            moved.add(new Object[] {Timestamp.from(nextDue(now)), Timestamp.from(now), mailed ? Timestamp.from(now) : null,
                    d.userId()});
        }
        jdbc.batchUpdate("UPDATE notification_digest SET next_due_at = ?, covered_until = ?,"
                + " last_sent_at = COALESCE(?, last_sent_at) WHERE user_id = ?", moved);
        return new int[] {due.size(), sent};
    }

    /** One statement for the user's window; a mail only when it holds something. */
    private boolean send(Recipient r, Instant after, Instant upTo, Map<Long, Organization> names) {
        Set<Long> orgs = r.organizationIds();
        NotificationStore.Unread unread = store.unreadBetween(orgs, after, upTo, maxItems);
        long count = unread.total();
        if (count == 0) {
            return false;
        }
        List<Notification> items = unread.newest();
        String lang = r.language();
        StringBuilder body = new StringBuilder(Messages.render(Message.of("notification.digest.intro", r.name(), count), lang))
                .append("\n\n");
        for (Notification n : items) {
            body.append("• ");
            Organization org = orgs.size() > 1 ? names.get(n.organizationId()) : null;
            if (org != null) {
                body.append('[').append(org.name()).append("] ");
            }
            body.append(NotificationTemplates.title(n.kind(), n.params(), lang)).append(": ")
                    .append(NotificationTemplates.message(n.kind(), n.params(), lang)).append('\n');
        }
        if (count > items.size()) {
            body.append(Messages.render(Message.of("notification.digest.more", count - items.size()), lang)).append('\n');
        }
        body.append('\n').append(Messages.render(Message.of("notification.digest.footer"), lang)).append('\n');
        mail.send(new OutgoingMail(r.email(), Messages.render(Message.of("notification.digest.subject", count), lang),
                body.toString()), "notification-digest");
        return true;
    }

    /** The next digest time strictly after {@code now}: today's or tomorrow's configured hour, Vietnam time. */
    Instant nextDue(Instant now) {
        ZonedDateTime here = now.atZone(VietnamTime.ZONE);
        ZonedDateTime at = here.toLocalDate().atTime(LocalTime.of(hour, 0)).atZone(VietnamTime.ZONE);
        return (at.isAfter(here) ? at : at.plusDays(1)).toInstant();
    }

    private static Setting setting(boolean enabled, Timestamp next, Timestamp last) {
        return new Setting(enabled, enabled && next != null ? next.toInstant() : null, last == null ? null : last.toInstant());
    }
}
