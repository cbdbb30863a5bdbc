-- Supply events (EPCIS-like): what actually moved on a linkage (SHIPPED by the supplier, RECEIVED by the
-- customer) and what a processor made of it (TRANSFORMED: input lots -> output lots). Append-only: a
-- correction is a new event pointing at the one it corrects, which then stops counting. occurred_at is
-- UTC; occurred_offset keeps the offset the client sent (+07:00), so the event reads back as written.
-- Lot numbers are identifiers and match exactly (binary collation): "R1" is not "r1".
CREATE TABLE supply_event (
  id                   BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind                 VARCHAR(16)    NOT NULL,
  linkage_id           BIGINT         NULL,
  organization_id      BIGINT         NOT NULL,
  occurred_at          DATETIME(6)    NOT NULL,
  occurred_offset      VARCHAR(9)     NOT NULL,
  recorded_at          DATETIME(6)    NOT NULL,
  quantity             DECIMAL(18,3)  NULL,
  unit                 VARCHAR(16)    NULL,
  lot_number           VARCHAR(100)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  place                VARCHAR(300)   NULL,
  province_code        VARCHAR(8)     NULL,
  lat                  DOUBLE         NULL,
  lon                  DOUBLE         NULL,
  corrects_event_id    BIGINT         NULL,
  note                 VARCHAR(1000)  NULL,
  recorded_by_user_id  BIGINT         NULL,
  CONSTRAINT fk_supply_event_linkage FOREIGN KEY (linkage_id) REFERENCES supply_linkage (id),
  CONSTRAINT fk_supply_event_org FOREIGN KEY (organization_id) REFERENCES organization (id),
  CONSTRAINT fk_supply_event_corrects FOREIGN KEY (corrects_event_id) REFERENCES supply_event (id),
  CONSTRAINT fk_supply_event_user FOREIGN KEY (recorded_by_user_id) REFERENCES app_user (id),
  -- Events of a linkage, newest first (the events connection, delivered quantity, last activity).
  INDEX ix_supply_event_linkage (linkage_id, occurred_at, id),
  -- What an organization holds of a lot (transformation checks, tracing back).
  INDEX ix_supply_event_org_lot (organization_id, lot_number, kind),
  -- Where a lot went on linkages (tracing across organizations).
  INDEX ix_supply_event_lot (lot_number, linkage_id),
  -- An event is corrected at most once; the correction of a correction supersedes that one.
  UNIQUE KEY ux_supply_event_corrects (corrects_event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Input and output lots of a TRANSFORMED event (coffee cherries lot C1 -> roasted coffee lot R1).
CREATE TABLE supply_event_lot (
  id          BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id    BIGINT         NOT NULL,
  direction   VARCHAR(8)     NOT NULL,
  position    INT            NOT NULL,
  lot_number  VARCHAR(100)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  quantity    DECIMAL(18,3)  NOT NULL,
  unit        VARCHAR(16)    NOT NULL,
  product_id  BIGINT         NULL,
  CONSTRAINT fk_supply_event_lot_event FOREIGN KEY (event_id) REFERENCES supply_event (id),
  CONSTRAINT fk_supply_event_lot_product FOREIGN KEY (product_id) REFERENCES product (id),
  INDEX ix_supply_event_lot_event (event_id, direction, position),
  -- Transformations that used or made a lot (balance checks, tracing through processors).
  INDEX ix_supply_event_lot_lot (lot_number, direction, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per organization whose lot balances are checked. Writers that use up or reduce lots lock the
-- row first (INSERT ... ON DUPLICATE KEY UPDATE takes the row lock), so two transformations cannot both
-- use the last kilograms of a lot.
CREATE TABLE supply_lot_lock (
  organization_id  BIGINT  NOT NULL PRIMARY KEY,
  CONSTRAINT fk_supply_lot_lock_org FOREIGN KEY (organization_id) REFERENCES organization (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
