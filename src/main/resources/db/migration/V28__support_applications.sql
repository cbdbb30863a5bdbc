-- Applications to support programmes, their review, disbursement in instalments and loan repayment.
-- The programme row carries the running sums so one locked row decides whether an approval or a
-- disbursement still fits the budget; the CHECKs are the last guard if code ever got it wrong.
ALTER TABLE support_program
  ADD COLUMN committed_vnd BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN disbursed_vnd BIGINT NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_support_program_committed CHECK (committed_vnd >= 0 AND committed_vnd <= budget_vnd),
  ADD CONSTRAINT ck_support_program_disbursed CHECK (disbursed_vnd >= 0 AND disbursed_vnd <= committed_vnd);

-- One application of an organization to a programme. province_code and sector_code are the organization's at
-- the time it applied (what the report counts it under). live_organization_id is the organization while the
-- application is not rejected, so the unique key allows one live application per programme and a new one after
-- a rejection.
CREATE TABLE support_application (
  id                    BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id            BIGINT         NOT NULL,
  organization_id       BIGINT         NOT NULL,
  live_organization_id  BIGINT         NULL,
  province_code         VARCHAR(16)    NULL,
  sector_code           VARCHAR(64)    NULL,
  status                VARCHAR(16)    NOT NULL,
  requested_vnd         BIGINT         NOT NULL,
  purpose               VARCHAR(2000)  NOT NULL,
  attachments           VARCHAR(4000)  NULL,
  approved_vnd          BIGINT         NULL,
  disbursed_vnd         BIGINT         NOT NULL DEFAULT 0,
  repaid_vnd            BIGINT         NOT NULL DEFAULT 0,
  note                  VARCHAR(2000)  NULL,
  applied_by_user_id    BIGINT         NULL,
  submitted_at          DATETIME(6)    NOT NULL,
  decided_at            DATETIME(6)    NULL,
  first_disbursed_on    DATE           NULL,
  updated_at            DATETIME(6)    NOT NULL,
  version               BIGINT         NOT NULL DEFAULT 0,
  CONSTRAINT fk_support_app_program FOREIGN KEY (program_id) REFERENCES support_program (id),
  CONSTRAINT fk_support_app_org FOREIGN KEY (organization_id) REFERENCES organization (id),
  CONSTRAINT ck_support_app_requested CHECK (requested_vnd > 0),
  CONSTRAINT ck_support_app_approved CHECK (approved_vnd IS NULL OR (approved_vnd > 0 AND approved_vnd <= requested_vnd)),
  CONSTRAINT ck_support_app_disbursed CHECK (disbursed_vnd >= 0 AND disbursed_vnd <= COALESCE(approved_vnd, 0)),
  CONSTRAINT ck_support_app_repaid CHECK (repaid_vnd >= 0 AND repaid_vnd <= disbursed_vnd),
  UNIQUE KEY uk_support_app_live (program_id, live_organization_id),
  INDEX ix_support_app_org (organization_id, program_id, status),
  INDEX ix_support_app_submitted (submitted_at, id),
  INDEX ix_support_app_program (program_id, status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every step of an application, in order: who, when, from which status to which, the amount and day of a
-- disbursement or repayment, and the note (what information is asked, the answer, the reason of a rejection).
CREATE TABLE support_application_event (
  id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_id  BIGINT         NOT NULL,
  kind            VARCHAR(16)    NOT NULL,
  from_status     VARCHAR(16)    NULL,
  to_status       VARCHAR(16)    NOT NULL,
  amount_vnd      BIGINT         NULL,
  on_date         DATE           NULL,
  note            VARCHAR(2000)  NULL,
  by_user_id      BIGINT         NULL,
  at              DATETIME(6)    NOT NULL,
  CONSTRAINT fk_support_app_event FOREIGN KEY (application_id) REFERENCES support_application (id),
  INDEX ix_support_app_event (application_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
