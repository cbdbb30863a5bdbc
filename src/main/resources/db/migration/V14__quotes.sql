-- Quotes (báo giá): a supplier organization's offer in answer to a buyer's sourcing request.
-- The status stored is SENT, ACCEPTED, DECLINED or WITHDRAWN; EXPIRED is never stored: a SENT
-- quote whose valid_until has passed is shown as EXPIRED.
-- unit and frequency are the request's when the quote was sent: a quote keeps its terms if the
-- buyer edits the request later.
CREATE TABLE quote (
  id                        BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id                BIGINT         NOT NULL,
  supplier_organization_id  BIGINT         NOT NULL,
  buyer_organization_id     BIGINT         NOT NULL,
  product_id                BIGINT         NULL,
  price_per_unit_vnd        BIGINT         NOT NULL,
  unit                      VARCHAR(16)    NOT NULL,
  quantity                  DECIMAL(18,3)  NOT NULL,
  frequency                 VARCHAR(16)    NOT NULL,
  delivery_terms            VARCHAR(1000)  NULL,
  valid_until               DATETIME(6)    NOT NULL,
  note                      VARCHAR(2000)  NULL,
  status                    VARCHAR(16)    NOT NULL,
  decision_reason           VARCHAR(500)   NULL,
  decided_at                DATETIME(6)    NULL,
  decided_by_user_id        BIGINT         NULL,
  created_by_user_id        BIGINT         NULL,
  conversation_id           BIGINT         NULL,
  created_at                DATETIME(6)    NOT NULL,
  updated_at                DATETIME(6)    NOT NULL,
  version                   BIGINT         NOT NULL DEFAULT 0,
  CONSTRAINT ck_quote_price CHECK (price_per_unit_vnd > 0),
  CONSTRAINT ck_quote_quantity CHECK (quantity > 0),
  CONSTRAINT fk_quote_request FOREIGN KEY (request_id) REFERENCES sourcing_request (id),
  CONSTRAINT fk_quote_supplier FOREIGN KEY (supplier_organization_id) REFERENCES organization (id),
  CONSTRAINT fk_quote_buyer FOREIGN KEY (buyer_organization_id) REFERENCES organization (id),
  CONSTRAINT fk_quote_product FOREIGN KEY (product_id) REFERENCES product (id),
  CONSTRAINT fk_quote_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE SET NULL,
  -- A request's quotes (newest first), and the check for a supplier's pending quote on a request.
  INDEX ix_quote_request (request_id, supplier_organization_id, status, id),
  -- An organization's quotes, newest first, from either side.
  INDEX ix_quote_supplier (supplier_organization_id, id),
  INDEX ix_quote_buyer (buyer_organization_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A quote is posted into the conversation between the two organizations about the request, which
-- the supplier may have to open. A conversation opened by the supplier is not an inquiry: it must
-- count neither against the buyer's daily inquiry limit nor as an answered inquiry in the
-- supplier's response statistics, so conversations record which side opened them.
ALTER TABLE conversation
  ADD COLUMN opened_by VARCHAR(8) NOT NULL DEFAULT 'BUYER' AFTER started_by_user_id,
  DROP INDEX ix_conversation_supplier_stats,
  ADD INDEX ix_conversation_supplier_stats (supplier_org_id, created_at, first_response_at, opened_by),
  -- Finding the conversation of two organizations about one subject (a request).
  ADD INDEX ix_conversation_subject (buyer_org_id, supplier_org_id, subject_id);
