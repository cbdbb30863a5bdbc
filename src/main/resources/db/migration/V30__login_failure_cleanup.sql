-- The cleanup of sign-in failures older than the throttling window deletes by failed_at alone, in batches:
-- with this index each batch reads (and locks) only the rows it deletes, not the whole table.
CREATE INDEX ix_login_failure_failed_at ON login_failure (failed_at);
