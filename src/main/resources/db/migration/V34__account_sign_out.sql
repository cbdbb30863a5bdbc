-- Sign out everywhere: a sign-in token issued before tokens_valid_after (its issue time in milliseconds, from the
-- token's iat_ms claim) is refused, except the one token named by kept_token_id (its jti): the session that changed
-- the password stays signed in while every other one ends.
ALTER TABLE app_user
  ADD COLUMN tokens_valid_after DATETIME(6) NULL,
  ADD COLUMN kept_token_id      VARCHAR(32) NULL;
