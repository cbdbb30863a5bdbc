-- CSV product imports: one row per uploaded file with its progress and counts, and the rejected
-- rows' errors (only the first ones are stored; error_count counts them all).
CREATE TABLE product_import (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organization_id  BIGINT        NOT NULL,
  file_name        VARCHAR(255)  NULL,
  status           VARCHAR(16)   NOT NULL,
  total_rows       INT           NOT NULL,
  processed_rows   INT           NOT NULL DEFAULT 0,
  created_count    INT           NOT NULL DEFAULT 0,
  updated_count    INT           NOT NULL DEFAULT 0,
  unchanged_count  INT           NOT NULL DEFAULT 0,
  rejected_count   INT           NOT NULL DEFAULT 0,
  error_count      INT           NOT NULL DEFAULT 0,
  warnings         TEXT          NULL,
  failure_message  VARCHAR(1000) NULL,
  created_at       DATETIME(6)   NOT NULL,
  started_at       DATETIME(6)   NULL,
  finished_at      DATETIME(6)   NULL,
  updated_at       DATETIME(6)   NOT NULL,
  CONSTRAINT fk_product_import_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
  INDEX ix_product_import_organization (organization_id, id),
  INDEX ix_product_import_status (status, updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_import_error (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  import_id   BIGINT        NOT NULL,
  row_no      INT           NOT NULL,
  column_name VARCHAR(64)   NULL,
  code        VARCHAR(20)   NOT NULL,
  message     VARCHAR(500)  NOT NULL,
  CONSTRAINT fk_product_import_error_import FOREIGN KEY (import_id) REFERENCES product_import (id) ON DELETE CASCADE,
  INDEX ix_product_import_error_import (import_id, row_no, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
