-- Password resets: one-time tokens sent by e-mail, stored only as their SHA-256 (a leaked table gives no working
-- token), valid 30 minutes, used at most once; the rows of the last hour also throttle how many mails one
-- address gets.
CREATE TABLE password_reset (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT      NOT NULL,
  token_hash  CHAR(64)    NOT NULL,
  created_at  DATETIME(6) NOT NULL,
  expires_at  DATETIME(6) NOT NULL,
  used_at     DATETIME(6) NULL,
  CONSTRAINT fk_password_reset_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  UNIQUE KEY uk_password_reset_token (token_hash),
  INDEX ix_password_reset_user (user_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
