package vn.htxconnect.mail;

import java.util.Objects;

/**
 * One plain-text mail to one address, already rendered in the recipient's language.
 *
 * @param to the recipient's e-mail address
 * @param subject one line; line breaks are refused (header injection)
 * @param text the body
 */
public record OutgoingMail(String to, String subject, String text) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (to.isBlank() || to.chars().anyMatch(c -> c == '\r' || c == '\n' || c == ',' || c == ';')) {
            throw new IllegalArgumentException("a mail goes to exactly one address");
        }
        if (subject.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("a subject is one line");
        }
    }
}
