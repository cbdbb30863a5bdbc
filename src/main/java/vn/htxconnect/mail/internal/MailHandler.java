package vn.htxconnect.mail.internal;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.platform.OutboxHandler;

/**
 * Sends queued mails from the outbox: through the configured SMTP server, or, with none configured
 * ({@code spring.mail.host} empty), into the log. A batch goes out over one connection; a mail the server refuses
 * is retried with the outbox's backoff; when nothing goes out (the server is away) the handler throws and the outbox
 * holds the mails until {@link #reachable()} finds the server again. A mail already sent (a repeated event) is not
 * sent again.
 */
@Component
class MailHandler implements OutboxHandler {

    static final String TYPE = "mail";
    private static final Logger log = LoggerFactory.getLogger(MailHandler.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final boolean smtp;

    MailHandler(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender, MailProperties properties, Environment env) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.properties = properties;
        this.smtp = StringUtils.hasText(env.getProperty("spring.mail.host"));
        if (!smtp) {
            log.info("No SMTP server configured (HTX_SMTP_HOST): mails are written to this log instead of sent");
        }
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(TYPE);
    }

    @Override
    public Collection<OutboxEvent> handle(OutboxBatch batch) throws IOException {
        List<MailStore.Stored> mails = MailStore.unsent(jdbc, batch.aggregateIds(TYPE));
        if (!smtp) {
            for (MailStore.Stored mail : mails) {
                log.info("Mail ({}) to {}: {}\n{}", mail.purpose(), mail.to(), mail.subject(), mail.text());
                MailStore.sent(jdbc, mail.id(), "log");
            }
            return List.of();
        }
        JavaMailSender mailSender = sender.getObject();
        Map<MimeMessage, MailStore.Stored> messages = new LinkedHashMap<>();
        List<Long> failed = new ArrayList<>();
        for (MailStore.Stored mail : mails) {
            try {
                messages.put(message(mailSender, mail), mail);
            } catch (MessagingException | RuntimeException e) {
                failed(mail, e, failed);
            }
        }
        Map<Object, Exception> refused = Map.of();
        if (!messages.isEmpty()) {
            try {
                // One connection for the whole batch.
                mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                refused = e.getFailedMessages();
                if (refused.size() == messages.size()) {
                    // Nothing went out (no connection, or a server refusing everything): the outbox holds the
                    // batch and probes reachable() instead of backing off each mail while the server is away.
                    throw new IOException("mail server unreachable: " + e.getMessage(), e);
                }
            } catch (MailException e) {
                throw new IOException("mail server refused the session: " + e.getMessage(), e);
            }
        }
        for (Map.Entry<MimeMessage, MailStore.Stored> m : messages.entrySet()) {
            Exception e = refused.get(m.getKey());
            if (e == null) {
                MailStore.sent(jdbc, m.getValue().id(), "smtp");
            } else {
                failed(m.getValue(), e, failed);
            }
        }
        return batch.eventsOf(TYPE, failed);
    }

    /** The SMTP server takes a connection now (asked by the outbox while this handler's mails wait). */
    @Override
    public boolean reachable() {
        if (!smtp || !(sender.getObject() instanceof JavaMailSenderImpl impl)) {
            return true;
        }
        try {
            impl.testConnection();
            return true;
        } catch (MessagingException e) {
            return false;
        }
    }

    private void failed(MailStore.Stored mail, Exception e, List<Long> failed) {
        log.warn("Mail {} ({}) not sent, retried later: {}", mail.id(), mail.purpose(), e.toString());
        MailStore.failed(jdbc, mail.id(), e.toString());
        failed.add(mail.id());
    }

    private MimeMessage message(JavaMailSender mailSender, MailStore.Stored mail) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        try {
            helper.setFrom(properties.from(), properties.fromName());
        } catch (UnsupportedEncodingException e) {
            helper.setFrom(properties.from());
        }
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), false);
        return message;
    }
}
