-- Each organization's latest product change per calendar month in Vietnam (UTC+7), written with every
-- product write. A product row keeps only its creation and latest change, so the activity trend read from
-- it lost every earlier month of a cooperative that keeps its listings current; at a month's end this
-- table answers exactly. (organization_id, last_at) lets "latest now" read one index entry per organization.
CREATE TABLE product_activity_month (
  organization_id  BIGINT       NOT NULL,
  month            DATE         NOT NULL,
  last_at          DATETIME(6)  NOT NULL,
  PRIMARY KEY (organization_id, month),
  INDEX ix_product_activity_latest (organization_id, last_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the products still tell: their creation and their latest change.
INSERT INTO product_activity_month (organization_id, month, last_at)
SELECT organization_id, month, MAX(at) FROM (
  SELECT organization_id, DATE_FORMAT(created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS month, created_at AS at FROM product
  UNION ALL
  SELECT organization_id, DATE_FORMAT(updated_at + INTERVAL 7 HOUR, '%Y-%m-01'), updated_at FROM product) changes
GROUP BY organization_id, month;

-- Activity is read from the history now.
DROP INDEX ix_product_org_activity ON product;
