-- Why a search found nothing (FILTERED_OUT, NOT_LISTED, UNREADABLE, UNKNOWN): one row per text, day and cause.
-- Rows counted before causes were recorded become UNKNOWN: they mixed searches that the buyer's filters emptied
-- with searches for products nobody lists, and which was which cannot be told afterwards.
-- The day index keeps serving both reads: InnoDB secondary indexes carry the primary key, so (day, searches)
-- holds query_folded and cause too.
ALTER TABLE search_miss
  ADD COLUMN cause VARCHAR(16) NOT NULL DEFAULT 'UNKNOWN' AFTER day,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (query_folded, day, cause);

-- Every new row names its cause; the default was only for the rows above.
ALTER TABLE search_miss ALTER COLUMN cause DROP DEFAULT;
