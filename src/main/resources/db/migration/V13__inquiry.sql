-- Inquiries: conversations between a buyer organization and a supplier organization, their
-- messages, and the senders each organization has blocked.
-- Each side's read mark and unread count live on the conversation row, so an inbox page needs no
-- per-conversation count; they change under the row's lock together with the message that moves them.
CREATE TABLE conversation (
  id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  buyer_org_id            BIGINT        NOT NULL,
  supplier_org_id         BIGINT        NOT NULL,
  subject_type            VARCHAR(40)   NULL,
  subject_id              VARCHAR(200)  NULL,
  title                   VARCHAR(200)  NOT NULL,
  started_by_user_id      BIGINT        NULL,
  created_at              DATETIME(6)   NOT NULL,
  last_message_at         DATETIME(6)   NOT NULL,
  last_message_id         BIGINT        NULL,
  last_message_preview    VARCHAR(200)  NULL,
  message_count           INT           NOT NULL DEFAULT 0,
  first_response_at       DATETIME(6)   NULL,
  buyer_last_read_id      BIGINT        NOT NULL DEFAULT 0,
  buyer_read_at           DATETIME(6)   NULL,
  buyer_unread            INT           NOT NULL DEFAULT 0,
  supplier_last_read_id   BIGINT        NOT NULL DEFAULT 0,
  supplier_read_at        DATETIME(6)   NULL,
  supplier_unread         INT           NOT NULL DEFAULT 0,
  version                 BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT fk_conversation_buyer FOREIGN KEY (buyer_org_id) REFERENCES organization (id),
  CONSTRAINT fk_conversation_supplier FOREIGN KEY (supplier_org_id) REFERENCES organization (id),
  -- Inboxes, newest activity first, one index per side.
  INDEX ix_conversation_buyer_activity (buyer_org_id, last_message_at, id),
  INDEX ix_conversation_supplier_activity (supplier_org_id, last_message_at, id),
  -- The daily inquiry limit counts a buyer's conversations started since a moment.
  INDEX ix_conversation_buyer_created (buyer_org_id, created_at),
  -- Response statistics read only this index (covering).
  INDEX ix_conversation_supplier_stats (supplier_org_id, created_at, first_response_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE conversation_message (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  conversation_id  BIGINT       NOT NULL,
  sender_org_id    BIGINT       NOT NULL,
  sender_user_id   BIGINT       NULL,
  body             TEXT         NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  CONSTRAINT fk_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE CASCADE,
  INDEX ix_message_conversation (conversation_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An organization refuses inquiries and messages from another one.
CREATE TABLE blocked_sender (
  organization_id          BIGINT      NOT NULL,
  blocked_organization_id  BIGINT      NOT NULL,
  blocked_by_user_id       BIGINT      NULL,
  created_at               DATETIME(6) NOT NULL,
  PRIMARY KEY (organization_id, blocked_organization_id),
  CONSTRAINT fk_blocked_sender_org FOREIGN KEY (organization_id) REFERENCES organization (id),
  CONSTRAINT fk_blocked_sender_blocked FOREIGN KEY (blocked_organization_id) REFERENCES organization (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per buyer organization, locked while an inquiry is started, so concurrent requests
-- cannot both slip under the daily limit.
CREATE TABLE inquiry_sender (
  organization_id  BIGINT      NOT NULL PRIMARY KEY,
  last_inquiry_at  DATETIME(6) NULL,
  CONSTRAINT fk_inquiry_sender_org FOREIGN KEY (organization_id) REFERENCES organization (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
