-- Supply linkages (liên kết cung ứng): a supplier organization supplies a customer organization with a
-- product or a category, each side at its value-chain stage. Province and category are copied from the
-- supplier and the product when the linkage is proposed, so the Alliance's aggregates are indexed SQL.
CREATE TABLE supply_linkage (
  id                        BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  supplier_org_id           BIGINT         NOT NULL,
  customer_org_id           BIGINT         NOT NULL,
  product_id                BIGINT         NULL,
  category_code             VARCHAR(40)    NOT NULL,
  supplier_province_code    VARCHAR(8)     NOT NULL,
  supplier_stage            VARCHAR(16)    NOT NULL,
  customer_stage            VARCHAR(16)    NOT NULL,
  volume_per_period         DECIMAL(18,3)  NOT NULL,
  unit                      VARCHAR(16)    NOT NULL,
  period                    VARCHAR(16)    NOT NULL,
  price_per_unit_vnd        BIGINT         NULL,
  price_terms               VARCHAR(1000)  NULL,
  start_date                DATE           NOT NULL,
  end_date                  DATE           NULL,
  origin                    VARCHAR(16)    NOT NULL,
  origin_ref                VARCHAR(100)   NULL,
  status                    VARCHAR(16)    NOT NULL,
  supplier_confirmed_at     DATETIME(6)    NULL,
  customer_confirmed_at     DATETIME(6)    NULL,
  activated_at              DATETIME(6)    NULL,
  delivered_quantity        DECIMAL(18,3)  NOT NULL DEFAULT 0,
  last_event_at             DATETIME(6)    NULL,
  proposed_by_user_id       BIGINT         NULL,
  created_at                DATETIME(6)    NOT NULL,
  updated_at                DATETIME(6)    NOT NULL,
  version                   BIGINT         NOT NULL DEFAULT 0,
  CONSTRAINT fk_linkage_supplier FOREIGN KEY (supplier_org_id) REFERENCES organization (id),
  CONSTRAINT fk_linkage_customer FOREIGN KEY (customer_org_id) REFERENCES organization (id),
  CONSTRAINT fk_linkage_product FOREIGN KEY (product_id) REFERENCES product (id),
  CONSTRAINT fk_linkage_category FOREIGN KEY (category_code) REFERENCES category (code),
  INDEX ix_linkage_supplier (supplier_org_id, status, id),
  INDEX ix_linkage_customer (customer_org_id, status, id),
  INDEX ix_linkage_product (product_id, status, id),
  INDEX ix_linkage_province (supplier_province_code, status, category_code),
  INDEX ix_linkage_status (status, id),
  UNIQUE KEY ux_linkage_origin (origin, origin_ref)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a linkage's status: who (user and the side acted for), when, why. Never updated.
CREATE TABLE supply_linkage_history (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  linkage_id        BIGINT        NOT NULL,
  action            VARCHAR(16)   NOT NULL,
  from_status       VARCHAR(16)   NULL,
  to_status         VARCHAR(16)   NOT NULL,
  acting_org_id     BIGINT        NULL,
  user_id           BIGINT        NULL,
  actor_name        VARCHAR(200)  NULL,
  reason            VARCHAR(500)  NULL,
  at                DATETIME(6)   NOT NULL,
  CONSTRAINT fk_linkage_history FOREIGN KEY (linkage_id) REFERENCES supply_linkage (id),
  INDEX ix_linkage_history (linkage_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
