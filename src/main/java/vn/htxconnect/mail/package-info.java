/**
 * Outgoing e-mail: other modules queue a mail inside their own transaction through
 * {@link vn.htxconnect.mail.MailService}, so it is sent only when the change it tells about commits, and never
 * lost when the mail server is away (the outbox retries with backoff). Sent through Spring's mail support to
 * the SMTP server configured by environment ({@code HTX_SMTP_HOST} …); with none configured, a mail is written
 * to the log instead (a local run reads its password-reset links there). Texts are rendered by the caller, in
 * the recipient's language. Depends only on platform.
 */
package vn.htxconnect.mail;
