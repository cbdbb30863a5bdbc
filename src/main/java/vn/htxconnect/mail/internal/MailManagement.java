package vn.htxconnect.mail.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.mail.MailService;
import vn.htxconnect.mail.OutgoingMail;
import vn.htxconnect.platform.Outbox;

/** Stores a mail and queues its sending in the caller's transaction. */
@Service
@EnableConfigurationProperties(MailProperties.class)
class MailManagement implements MailService {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    MailManagement(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(OutgoingMail mail, String purpose) {
        long id = MailStore.insert(jdbc, mail, purpose);
        outbox.enqueue(MailHandler.TYPE, id, "send");
    }
}
