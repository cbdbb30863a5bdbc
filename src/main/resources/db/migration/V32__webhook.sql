-- Webhooks for partners (Standard Webhooks). An endpoint belongs to an organization (its OWNERs manage it) or,
-- with organization_id NULL, to the platform's admins (a partner endpoint that hears every public event).
-- The secret stays readable because every send signs with it; the API shows it only on create and rotation.
-- During a rotation the previous secret also signs until previous_secret_until.
CREATE TABLE webhook_endpoint (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organization_id       BIGINT        NULL,
  url                   VARCHAR(2000) NOT NULL,
  description           VARCHAR(200)  NULL,
  secret                VARCHAR(100)  NOT NULL,
  previous_secret       VARCHAR(100)  NULL,
  previous_secret_until DATETIME(6)   NULL,
  event_types           VARCHAR(1000) NOT NULL,
  province_codes        VARCHAR(400)  NULL,
  category_codes        VARCHAR(1000) NULL,
  enabled               BOOLEAN       NOT NULL DEFAULT TRUE,
  failure_streak        INT           NOT NULL DEFAULT 0,
  failing_since         DATETIME(6)   NULL,
  disabled_at           DATETIME(6)   NULL,
  created_at            DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at            DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY ix_webhook_endpoint_org (organization_id),
  CONSTRAINT fk_webhook_endpoint_org FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One event as published in the transaction that caused it; the fan-out (from the outbox) turns it into one
-- delivery per matching endpoint. audience_org_ids NULL: public (every subscriber of the type); otherwise a
-- comma list of the organizations whose endpoints may hear it.
CREATE TABLE webhook_event (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_key        VARCHAR(40)   NOT NULL,
  event_type       VARCHAR(60)   NOT NULL,
  object_id        VARCHAR(200)  NOT NULL,
  audience_org_ids VARCHAR(400)  NULL,
  province_code    VARCHAR(10)   NULL,
  category_code    VARCHAR(60)   NULL,
  payload          MEDIUMTEXT    NOT NULL,
  created_at       DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  fanned_out_at    DATETIME(6)   NULL,
  UNIQUE KEY ux_webhook_event_key (event_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One message to one endpoint and its log: message_id (msg_…) is the webhook-id header, the same on every
-- attempt and on a redelivery. State: PENDING (not tried yet), FAILED (will be retried at next_attempt_at),
-- DELIVERED, DEAD (retries exhausted). A delivery is sent only when no earlier one of the same object to the
-- same endpoint is still PENDING or FAILED (order per object). next_attempt_at is set exactly while a delivery is
-- open (PENDING or FAILED), so the sender's claim walks ix_webhook_delivery_due in order without sorting (a filesort
-- would read, and lock, every due row, leaving nothing for a second instance).
CREATE TABLE webhook_delivery (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  message_id       VARCHAR(40)   NOT NULL,
  endpoint_id      BIGINT        NOT NULL,
  event_id         BIGINT        NOT NULL,
  event_type       VARCHAR(60)   NOT NULL,
  object_id        VARCHAR(200)  NOT NULL,
  payload          MEDIUMTEXT    NOT NULL,
  state            VARCHAR(10)   NOT NULL DEFAULT 'PENDING',
  attempt          INT           NOT NULL DEFAULT 0,
  status_code      INT           NULL,
  latency_ms       INT           NULL,
  last_error       VARCHAR(500)  NULL,
  last_attempt_at  DATETIME(6)   NULL,
  next_attempt_at  DATETIME(6)   NULL,
  created_at       DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY ix_webhook_delivery_event (event_id),
  KEY ix_webhook_delivery_due (next_attempt_at),
  KEY ix_webhook_delivery_order (endpoint_id, object_id, id),
  KEY ix_webhook_delivery_log (endpoint_id, id),
  CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
  CONSTRAINT fk_webhook_delivery_event FOREIGN KEY (event_id) REFERENCES webhook_event (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
