-- Accounts: users, their memberships in organizations, invitations, partner API keys, login throttling, audit.
CREATE TABLE app_user (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email              VARCHAR(254) NOT NULL,
  name               VARCHAR(120) NOT NULL,
  phone              VARCHAR(30)  NULL,
  password_hash      VARCHAR(100) NOT NULL,
  preferred_language VARCHAR(5)   NOT NULL DEFAULT 'vi',
  platform_role      VARCHAR(32)  NULL,
  created_at         DATETIME(6)  NOT NULL,
  updated_at         DATETIME(6)  NOT NULL,
  last_login_at      DATETIME(6)  NULL,
  version            BIGINT       NOT NULL DEFAULT 0,
  UNIQUE KEY uk_user_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE membership (
  id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id         BIGINT      NOT NULL,
  organization_id BIGINT      NOT NULL,
  role            VARCHAR(16) NOT NULL,
  created_at      DATETIME(6) NOT NULL,
  CONSTRAINT fk_membership_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_membership_org FOREIGN KEY (organization_id) REFERENCES organization (id),
  UNIQUE KEY uk_membership (user_id, organization_id),
  INDEX ix_membership_org (organization_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE invitation (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organization_id BIGINT       NOT NULL,
  email           VARCHAR(254) NOT NULL,
  role            VARCHAR(16)  NOT NULL,
  token_hash      CHAR(64)     NOT NULL,
  invited_by      BIGINT       NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  expires_at      DATETIME(6)  NOT NULL,
  accepted_at     DATETIME(6)  NULL,
  CONSTRAINT fk_invitation_org FOREIGN KEY (organization_id) REFERENCES organization (id),
  UNIQUE KEY uk_invitation_token (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE api_key (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(120) NOT NULL,
  prefix       VARCHAR(16)  NOT NULL,
  secret_hash  CHAR(64)     NOT NULL,
  scopes       VARCHAR(500) NOT NULL,
  created_by   BIGINT       NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  expires_at   DATETIME(6)  NULL,
  revoked_at   DATETIME(6)  NULL,
  last_used_at DATETIME(6)  NULL,
  UNIQUE KEY uk_api_key_prefix (prefix)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_failure (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email      VARCHAR(254) NOT NULL,
  address    VARCHAR(64)  NOT NULL,
  failed_at  DATETIME(6)  NOT NULL,
  INDEX ix_login_failure_email (email, failed_at),
  INDEX ix_login_failure_address (address, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at              DATETIME(6)  NOT NULL,
  actor           VARCHAR(64)  NOT NULL,
  user_id         BIGINT       NULL,
  api_key_id      BIGINT       NULL,
  organization_id BIGINT       NULL,
  operation       VARCHAR(80)  NOT NULL,
  target          VARCHAR(120) NULL,
  outcome         VARCHAR(32)  NOT NULL,
  detail          VARCHAR(500) NULL,
  INDEX ix_audit_at (at),
  INDEX ix_audit_org (organization_id, at),
  INDEX ix_audit_user (user_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
