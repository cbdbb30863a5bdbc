-- Activity status of cooperatives (insight): sign-in history, the indexes each module's activity
-- source reads (latest activity per organization at or before a moment), and the Alliance's decisions.

-- account: every successful sign-in. app_user.last_login_at keeps only the latest, which cannot say
-- whether a member had signed in by the end of an earlier month; it seeds the history.
CREATE TABLE user_sign_in (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id       BIGINT      NOT NULL,
  signed_in_at  DATETIME(6) NOT NULL,
  CONSTRAINT fk_user_sign_in_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  INDEX ix_user_sign_in (user_id, signed_in_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO user_sign_in (user_id, signed_in_at)
SELECT id, last_login_at FROM app_user WHERE last_login_at IS NOT NULL;

-- catalog: an organization's latest product change, read from the index alone.
CREATE INDEX ix_product_org_activity ON product (organization_id, updated_at, created_at);
-- inquiry: the latest message an organization sent.
CREATE INDEX ix_message_sender_activity ON conversation_message (sender_org_id, created_at);
-- sourcing: the latest quote an organization sent.
CREATE INDEX ix_quote_supplier_created ON quote (supplier_organization_id, created_at);
-- linkage: the latest supply event on an organization's linkages, from either side.
CREATE INDEX ix_linkage_supplier_event ON supply_linkage (supplier_org_id, last_event_at);
CREATE INDEX ix_linkage_customer_event ON supply_linkage (customer_org_id, last_event_at);

-- insight: the Cooperative Alliance's decisions on a cooperative, kept as history (never updated or
-- deleted). DISSOLVED and MERGED archive the cooperative; MERGED names the cooperative it merged into.
-- decided_by_name keeps who decided as they were named then.
CREATE TABLE cooperative_decision (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organization_id     BIGINT        NOT NULL,
  kind                VARCHAR(16)   NOT NULL,
  merged_into_org_id  BIGINT        NULL,
  note                VARCHAR(2000) NULL,
  decided_by_user_id  BIGINT        NULL,
  decided_by_name     VARCHAR(200)  NULL,
  decided_at          DATETIME(6)   NOT NULL,
  CONSTRAINT fk_decision_org FOREIGN KEY (organization_id) REFERENCES organization (id),
  CONSTRAINT fk_decision_merged_into FOREIGN KEY (merged_into_org_id) REFERENCES organization (id),
  CONSTRAINT fk_decision_user FOREIGN KEY (decided_by_user_id) REFERENCES app_user (id),
  CONSTRAINT ck_decision_merge CHECK ((kind = 'MERGED') = (merged_into_org_id IS NOT NULL)),
  INDEX ix_decision_org (organization_id, decided_at, id),
  INDEX ix_decision_merged_into (merged_into_org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
