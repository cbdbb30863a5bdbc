-- Searches that found nothing, per normalised query text and day: demand the catalogue does not meet.
-- No user, address or session is kept; long digit runs (phone numbers) are masked before storing.
CREATE TABLE search_miss (
  query_folded  VARCHAR(100)  NOT NULL,
  day           DATE          NOT NULL,
  searches      INT           NOT NULL DEFAULT 0,
  last_query    VARCHAR(100)  NOT NULL,
  PRIMARY KEY (query_folded, day),
  INDEX ix_search_miss_day (day, searches)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
