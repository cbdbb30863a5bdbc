-- Transactional outbox: a row per change that derived indices (Elasticsearch) must follow.
CREATE TABLE outbox_event (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  aggregate_type VARCHAR(40)  NOT NULL,
  aggregate_id   BIGINT       NOT NULL,
  event_type     VARCHAR(40)  NOT NULL,
  created_at     DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  available_at   DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  attempts       INT          NOT NULL DEFAULT 0,
  last_error     VARCHAR(1000) NULL,
  INDEX ix_outbox_due (available_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
