-- One linkage per accepted quote (deals stay idempotent), but many linkages may name the same trade fair
-- as their origin: uniqueness moves to a generated column that is set for quotes only.
ALTER TABLE supply_linkage
  ADD COLUMN deal_ref VARCHAR(100) AS (CASE WHEN origin = 'QUOTE' THEN origin_ref END) STORED,
  ADD UNIQUE KEY ux_linkage_deal (deal_ref),
  ADD INDEX ix_linkage_origin (origin, origin_ref),
  DROP INDEX ux_linkage_origin;
