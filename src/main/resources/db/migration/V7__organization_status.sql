-- Organizations can be archived (left the platform, dissolved): they and their products leave search.
ALTER TABLE organization ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';
CREATE INDEX ix_organization_status ON organization (status);
