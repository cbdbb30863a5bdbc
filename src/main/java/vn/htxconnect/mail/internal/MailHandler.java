package vn.htxconnect.mail.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.platform.OutboxHandler;

/**
 * Sends queued mails from the outbox: through the configured SMTP server, or, with none configured
 * ({@code spring.mail.host} empty), into the log. A mail the server refuses is retried with the outbox's
 * backoff; one already sent (a repeated event) is not sent again.
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
    public Collection<OutboxEvent> handle(OutboxBatch batch) {
        List<Long> failed = new ArrayList<>();
        for (MailStore.Stored mail : MailStore.unsent(jdbc, batch.aggregateIds(TYPE))) {
            try {
                if (smtp) {
                    send(mail);
                    MailStore.sent(jdbc, mail.id(), "smtp");
                } else {
                    log.info("Mail ({}) to {}: {}\n{}", mail.purpose(), mail.to(), mail.subject(), mail.text());
                    MailStore.sent(jdbc, mail.id(), "log");
                }
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                log.warn("Mail {} ({}) not sent, retried later: {}", mail.id(), mail.purpose(), e.toString());
                MailStore.failed(jdbc, mail.id(), e.toString());
                failed.add(mail.id());
            }
        }
        return batch.eventsOf(TYPE, failed);
    }

    private void send(MailStore.Stored mail) throws jakarta.mail.MessagingException {
        JavaMailSender mailSender = sender.getObject();
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        try {
            helper.setFrom(properties.from(), properties.fromName());
        } catch (java.io.UnsupportedEncodingException e) {
            helper.setFrom(properties.from());
        }
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), false);
        mailSender.send(message);
    }
}
