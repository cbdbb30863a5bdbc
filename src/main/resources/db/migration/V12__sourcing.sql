-- Sourcing requests (RFQ) that buyer organizations post; matching reads them with the product index.
CREATE TABLE sourcing_request (
  id                       BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  buyer_organization_id    BIGINT         NOT NULL,
  created_by_user_id       BIGINT         NULL,
  title                    VARCHAR(200)   NOT NULL,
  details                  TEXT           NULL,
  category_code            VARCHAR(40)    NULL,
  quantity                 DECIMAL(18,3)  NOT NULL,
  unit                     VARCHAR(16)    NOT NULL,
  frequency                VARCHAR(16)    NOT NULL,
  delivery_province_code   VARCHAR(8)     NOT NULL,
  delivery_address         VARCHAR(300)   NULL,
  delivery_lat             DOUBLE         NOT NULL,
  delivery_lon             DOUBLE         NOT NULL,
  max_distance_km          DOUBLE         NULL,
  certifications           VARCHAR(200)   NULL,
  min_ocop_stars           INT            NULL,
  target_max_price_vnd     BIGINT         NULL,
  window_from              DATE           NOT NULL,
  window_to                DATE           NOT NULL,
  expires_at               DATETIME(6)    NOT NULL,
  status                   VARCHAR(16)    NOT NULL,
  status_reason            VARCHAR(500)   NULL,
  visibility               VARCHAR(16)    NOT NULL,
  confidential_fields      VARCHAR(100)   NULL,
  verified_suppliers_only  BOOLEAN        NOT NULL DEFAULT FALSE,
  created_at               DATETIME(6)    NOT NULL,
  updated_at               DATETIME(6)    NOT NULL,
  version                  BIGINT         NOT NULL DEFAULT 0,
  CONSTRAINT fk_sourcing_buyer FOREIGN KEY (buyer_organization_id) REFERENCES organization (id),
  CONSTRAINT fk_sourcing_category FOREIGN KEY (category_code) REFERENCES category (code),
  INDEX ix_sourcing_buyer (buyer_organization_id, id),
  INDEX ix_sourcing_open (status, expires_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Supplier organizations invited to an INVITED-only request.
CREATE TABLE sourcing_request_invitee (
  request_id       BIGINT NOT NULL,
  organization_id  BIGINT NOT NULL,
  PRIMARY KEY (request_id, organization_id),
  CONSTRAINT fk_invitee_request FOREIGN KEY (request_id) REFERENCES sourcing_request (id) ON DELETE CASCADE,
  CONSTRAINT fk_invitee_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
  INDEX ix_invitee_organization (organization_id, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
