-- Outgoing mails: queued in the transaction that causes them (with an outbox event), sent after the commit.
-- The body is cleared once sent (a password-reset link must not stay readable); the row stays as the log of what
-- went to whom, when and how (smtp, or log when no SMTP server is configured).
CREATE TABLE mail_message (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  recipient   VARCHAR(320)  NOT NULL,
  subject     VARCHAR(500)  NOT NULL,
  body        MEDIUMTEXT    NULL,
  purpose     VARCHAR(40)   NOT NULL,
  created_at  DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  sent_at     DATETIME(6)   NULL,
  sent_via    VARCHAR(10)   NULL,
  attempts    INT           NOT NULL DEFAULT 0,
  last_error  VARCHAR(1000) NULL,
  KEY ix_mail_message_recipient (recipient, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
