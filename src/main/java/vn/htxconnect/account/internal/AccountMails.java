package vn.htxconnect.account.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.htxconnect.mail.MailService;
import vn.htxconnect.mail.OutgoingMail;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.platform.VietnamTime;

/**
 * The account module's mails, rendered in the recipient's language from the message bundles. The app has no web
 * front end: a mail carries the token itself and a link for a front end at {@code htx.web.base-url}.
 */
@Component
class AccountMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VietnamTime.ZONE);

    private final MailService mail;
    private final String baseUrl;

    AccountMails(MailService mail, @Value("${htx.web.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Queues the reset mail in the caller's transaction. */
    void passwordReset(String to, String language, String name, String token, Duration ttl) {
        String link = baseUrl + "/reset-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        send(to, language, "password-reset", Message.of("account.mail.reset.subject"),
                Message.of("account.mail.reset.body", name, link, token, ttl.toMinutes()));
    }

    /** Queues the invitation mail in the caller's transaction. */
    void invitation(String to, String language, String organization, Actor.OrgRole role, String inviter,
                    String token, Instant expiresAt) {
        String link = baseUrl + "/invitations/accept?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        // A subject is one line (the mail module refuses others): a name is shown on one.
        organization = organization.replaceAll("[\\r\\n]+", " ");
        send(to, language, "invitation", Message.of("account.mail.invitation.subject", organization),
                Message.of("account.mail.invitation.body", inviter, organization,
                        roleName(role), link, token, WHEN.format(expiresAt)));
    }

    private static Message roleName(Actor.OrgRole role) {
        return switch (role) {
            case OWNER -> Message.of("account.role.OWNER");
            case MEMBER -> Message.of("account.role.MEMBER");
        };
    }

    private void send(String to, String language, String purpose, Message subject, Message body) {
        mail.send(new OutgoingMail(to, Messages.render(subject, language), Messages.render(body, language)), purpose);
    }
}
