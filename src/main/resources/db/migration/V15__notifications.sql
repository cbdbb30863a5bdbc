-- Notifications of an organization (read by its members; one read mark per organization), and
-- the request/product pairs match discovery has already announced.
-- The text is not stored: kind + params are rendered at read time in the reader's language.
CREATE TABLE notification (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organization_id  BIGINT        NOT NULL,
  kind             VARCHAR(40)   NOT NULL,
  subject_id       VARCHAR(200)  NULL,
  params           TEXT          NOT NULL,
  created_at       DATETIME(6)   NOT NULL,
  read_at          DATETIME(6)   NULL,
  CONSTRAINT fk_notification_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
  -- An organization's list, newest first (keyset on id).
  INDEX ix_notification_org (organization_id, id),
  -- Unread counts and "mark all read" touch only the organization's unread rows.
  INDEX ix_notification_org_unread (organization_id, read_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per request/product pair that both sides have been told about: discovery runs again on
-- every change of either side (and after retries), and must not repeat itself. The insert of this
-- row is the claim: of two instances discovering the same pair at once, only one inserts it.
CREATE TABLE match_notice (
  request_id   BIGINT       NOT NULL,
  product_id   BIGINT       NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (request_id, product_id),
  CONSTRAINT fk_match_notice_request FOREIGN KEY (request_id) REFERENCES sourcing_request (id) ON DELETE CASCADE,
  CONSTRAINT fk_match_notice_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
  INDEX ix_match_notice_product (product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
