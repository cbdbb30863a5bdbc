package vn.htxconnect.mail.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings beside Spring's own {@code spring.mail.*} (host, port, user, password).
 *
 * @param from the sender address of every mail
 * @param fromName the sender's display name
 */
@ConfigurationProperties("htx.mail")
record MailProperties(@DefaultValue("no-reply@htxconnect.local") String from,
                      @DefaultValue("HTX Connect") String fromName) {
}
