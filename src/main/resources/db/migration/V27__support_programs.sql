-- Support programmes (chương trình hỗ trợ HTX): a directory of what a cooperative can get — preferential loans
-- from the development fund, grants, training, trade promotion, infrastructure, digital transformation, young
-- staff — with their legal basis and eligibility rules kept as data (one row per rule), so a new decree or a
-- provincial resolution changes rows, not code.
CREATE TABLE support_program (
  id                          BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name                        VARCHAR(200)   NOT NULL,
  kind                        VARCHAR(32)    NOT NULL,
  legal_basis_kind            VARCHAR(32)    NOT NULL,
  legal_basis                 VARCHAR(500)   NOT NULL,
  provider                    VARCHAR(200)   NOT NULL,
  description                 VARCHAR(4000)  NULL,
  budget_vnd                  BIGINT         NOT NULL,
  amount_per_beneficiary_vnd  BIGINT         NULL,
  opens_on                    DATE           NOT NULL,
  closes_on                   DATE           NOT NULL,
  created_by_user_id          BIGINT         NULL,
  created_at                  DATETIME(6)    NOT NULL,
  updated_at                  DATETIME(6)    NOT NULL,
  version                     BIGINT         NOT NULL DEFAULT 0,
  CONSTRAINT ck_support_program_window CHECK (closes_on >= opens_on),
  CONSTRAINT ck_support_program_budget CHECK (budget_vnd > 0),
  INDEX ix_support_program_closes (closes_on, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One eligibility rule of a programme, in order. value_list holds the codes of list rules (organization kinds,
-- province codes, category codes, certification schemes), comma-separated; value_number the minimum of
-- MIN_MEMBERS and MIN_YEARS_OPERATING.
CREATE TABLE support_program_rule (
  program_id    BIGINT         NOT NULL,
  position      INT            NOT NULL,
  kind          VARCHAR(32)    NOT NULL,
  value_list    VARCHAR(2000)  NULL,
  value_number  INT            NULL,
  PRIMARY KEY (program_id, position),
  CONSTRAINT fk_support_program_rule FOREIGN KEY (program_id) REFERENCES support_program (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
