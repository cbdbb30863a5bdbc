-- The optional daily e-mail digest of unread notifications, per user (notifications belong to organizations; the
-- digest goes to each member who asked for it). next_due_at is when the next digest is due (the configured hour,
-- Vietnam time); covered_until is the end of the last digest's window, so no notification is mailed twice.
CREATE TABLE notification_digest (
  user_id        BIGINT      NOT NULL PRIMARY KEY,
  enabled        BOOLEAN     NOT NULL,
  next_due_at    DATETIME(6) NOT NULL,
  covered_until  DATETIME(6) NOT NULL,
  last_sent_at   DATETIME(6) NULL,
  updated_at     DATETIME(6) NOT NULL,
  -- The job's scan: enabled digests that are due, oldest first.
  INDEX ix_notification_digest_due (enabled, next_due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
