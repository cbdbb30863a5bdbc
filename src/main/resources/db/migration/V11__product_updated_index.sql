-- Reindex catch-up and consistency checks look up products changed since a moment.
CREATE INDEX ix_product_updated_at ON product (updated_at);
CREATE INDEX ix_organization_updated_at ON organization (updated_at);
