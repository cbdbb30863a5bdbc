-- Trade promotion events (hội chợ xúc tiến thương mại, phiên kết nối B2B, trưng bày sản phẩm) run by the
-- Cooperative Alliance: who took part (exhibitors with their booth and products, visiting buyers), who
-- was checked in, and the leads recorded there. Only PLANNED and CANCELLED are stored: whether an event
-- is upcoming, ongoing or past follows from its dates.
CREATE TABLE trade_event (
  id                  BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind                VARCHAR(20)    NOT NULL,
  name                VARCHAR(200)   NOT NULL,
  description         VARCHAR(4000)  NULL,
  starts_on           DATE           NOT NULL,
  ends_on             DATE           NOT NULL,
  province_code       VARCHAR(8)     NOT NULL,
  address             VARCHAR(300)   NULL,
  lat                 DOUBLE         NOT NULL,
  lon                 DOUBLE         NOT NULL,
  organiser_org_id    BIGINT         NULL,
  status              VARCHAR(16)    NOT NULL,
  cancel_reason       VARCHAR(500)   NULL,
  created_by_user_id  BIGINT         NULL,
  created_at          DATETIME(6)    NOT NULL,
  updated_at          DATETIME(6)    NOT NULL,
  version             BIGINT         NOT NULL DEFAULT 0,
  CONSTRAINT ck_trade_event_dates CHECK (ends_on >= starts_on),
  CONSTRAINT fk_trade_event_organiser FOREIGN KEY (organiser_org_id) REFERENCES organization (id),
  -- Lists are newest first, optionally by province or kind.
  INDEX ix_trade_event_starts (starts_on, id),
  INDEX ix_trade_event_province (province_code, starts_on, id),
  INDEX ix_trade_event_kind (kind, starts_on, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An organization registered for an event: EXHIBITOR (a supplier with a booth and products shown) or
-- VISITOR (a buyer). attended is set when the Alliance checks it in at the event.
CREATE TABLE trade_event_participant (
  event_id            BIGINT         NOT NULL,
  organization_id     BIGINT         NOT NULL,
  role                VARCHAR(16)    NOT NULL,
  booth               VARCHAR(100)   NULL,
  registered_at       DATETIME(6)    NOT NULL,
  registered_by_user_id BIGINT       NULL,
  attended            BOOLEAN        NOT NULL DEFAULT FALSE,
  checked_in_at       DATETIME(6)    NULL,
  PRIMARY KEY (event_id, organization_id),
  CONSTRAINT fk_participant_event FOREIGN KEY (event_id) REFERENCES trade_event (id),
  CONSTRAINT fk_participant_org FOREIGN KEY (organization_id) REFERENCES organization (id),
  -- An organization's events (list filter, activity of many organizations at once).
  INDEX ix_participant_org (organization_id, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Products an exhibitor shows at an event.
CREATE TABLE trade_event_product (
  event_id            BIGINT         NOT NULL,
  organization_id     BIGINT         NOT NULL,
  product_id          BIGINT         NOT NULL,
  PRIMARY KEY (event_id, organization_id, product_id),
  CONSTRAINT fk_event_product_participant FOREIGN KEY (event_id, organization_id)
    REFERENCES trade_event_participant (event_id, organization_id),
  CONSTRAINT fk_event_product_product FOREIGN KEY (product_id) REFERENCES product (id),
  INDEX ix_event_product_product (product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A buyer's interest in a supplier (and maybe one of its products) noted at an event. conversation_id is
-- set when the buyer turns the lead into an inquiry.
CREATE TABLE trade_event_lead (
  id                  BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id            BIGINT         NOT NULL,
  buyer_org_id        BIGINT         NOT NULL,
  supplier_org_id     BIGINT         NOT NULL,
  product_id          BIGINT         NULL,
  note                VARCHAR(2000)  NULL,
  recorded_by_user_id BIGINT         NULL,
  recorded_at         DATETIME(6)    NOT NULL,
  conversation_id     BIGINT         NULL,
  CONSTRAINT fk_lead_buyer FOREIGN KEY (event_id, buyer_org_id)
    REFERENCES trade_event_participant (event_id, organization_id),
  CONSTRAINT fk_lead_supplier FOREIGN KEY (event_id, supplier_org_id)
    REFERENCES trade_event_participant (event_id, organization_id),
  CONSTRAINT fk_lead_product FOREIGN KEY (product_id) REFERENCES product (id),
  CONSTRAINT fk_lead_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE SET NULL,
  INDEX ix_lead_event (event_id, id),
  INDEX ix_lead_buyer (buyer_org_id, id),
  INDEX ix_lead_supplier (supplier_org_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
