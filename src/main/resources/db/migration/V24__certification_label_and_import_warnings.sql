-- Certificates of a scheme outside the known list are kept as OTHER with the scheme's name as the
-- seller wrote it; known schemes leave the label empty (their display name is fixed).
ALTER TABLE product_certification ADD COLUMN label VARCHAR(100) NULL;

-- Import rows that were imported with remarks (an expired certificate kept as history, an unknown
-- scheme): counts on the report, and the first warnings stored like the errors.
ALTER TABLE product_import
  ADD COLUMN warned_count  INT NOT NULL DEFAULT 0,
  ADD COLUMN warning_count INT NOT NULL DEFAULT 0;

CREATE TABLE product_import_warning (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  import_id   BIGINT        NOT NULL,
  row_no      INT           NOT NULL,
  column_name VARCHAR(64)   NULL,
  code        VARCHAR(32)   NOT NULL,
  message     VARCHAR(500)  NOT NULL,
  CONSTRAINT fk_product_import_warning_import FOREIGN KEY (import_id) REFERENCES product_import (id) ON DELETE CASCADE,
  INDEX ix_product_import_warning_import (import_id, row_no, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
