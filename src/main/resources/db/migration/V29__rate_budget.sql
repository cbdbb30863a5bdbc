-- Request budgets (leaky buckets per caller) shared by every instance, kept by Bucket4j's MySQL proxy manager:
-- one row per caller, locked with SELECT ... FOR UPDATE while a request takes or refunds points. state is
-- Bucket4j's serialized bucket (NULL for the moment between its INSERT IGNORE and first UPDATE); expires_at
-- (epoch milliseconds) is when the bucket will have been full for a while, so deleting it changes nothing:
-- the cleanup removes such rows in batches.
CREATE TABLE rate_budget (
  id          VARCHAR(190) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  state       VARBINARY(1024) NULL,
  expires_at  BIGINT NULL,
  INDEX ix_rate_budget_expires_at (expires_at)
) ENGINE=InnoDB;
