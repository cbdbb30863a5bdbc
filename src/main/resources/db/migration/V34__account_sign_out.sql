-- Sign out everywhere: a sign-in token issued before tokens_valid_after_ms (epoch milliseconds, compared with the
-- token's iat_ms claim) is refused, except the one token named by kept_token_id (its jti): the session that changed
-- the password stays signed in while every other one ends. Milliseconds in a BIGINT rather than a DATETIME(6):
-- MySQL Connector/J talking to MariaDB drops fractional seconds, and whole seconds cannot tell a token issued just
-- before a sign-out from one issued just after it.
ALTER TABLE app_user
  ADD COLUMN tokens_valid_after_ms BIGINT      NULL,
  ADD COLUMN kept_token_id         VARCHAR(32) NULL;
