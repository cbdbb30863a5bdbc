-- Catalogue: a two-level category taxonomy, products and their certifications.
CREATE TABLE category (
  code        VARCHAR(40)  NOT NULL PRIMARY KEY,
  parent_code VARCHAR(40)  NULL,
  name_vi     VARCHAR(120) NOT NULL,
  name_en     VARCHAR(120) NOT NULL,
  sort_order  INT          NOT NULL DEFAULT 0,
  CONSTRAINT fk_category_parent FOREIGN KEY (parent_code) REFERENCES category (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product (
  id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organization_id  BIGINT         NOT NULL,
  external_ref     VARCHAR(64)    NULL,
  name             VARCHAR(255)   NOT NULL,
  description      TEXT           NULL,
  category_code    VARCHAR(40)    NULL,
  unit             VARCHAR(16)    NOT NULL,
  price_min_vnd    BIGINT         NULL,
  price_max_vnd    BIGINT         NULL,
  min_order_qty    DECIMAL(15,3)  NULL,
  monthly_capacity DECIMAL(15,3)  NULL,
  available_months INT            NOT NULL DEFAULT 4095,
  province_code    VARCHAR(8)     NULL,
  lat              DOUBLE         NULL,
  lon              DOUBLE         NULL,
  image_urls       TEXT           NULL,
  status           VARCHAR(16)    NOT NULL DEFAULT 'ACTIVE',
  created_at       DATETIME(6)    NOT NULL,
  updated_at       DATETIME(6)    NOT NULL,
  version          BIGINT         NOT NULL DEFAULT 0,
  CONSTRAINT fk_product_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
  CONSTRAINT fk_product_category FOREIGN KEY (category_code) REFERENCES category (code),
  UNIQUE KEY uk_product_external_ref (organization_id, external_ref),
  INDEX ix_product_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_certification (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id  BIGINT       NOT NULL,
  scheme      VARCHAR(20)  NOT NULL,
  number      VARCHAR(64)  NULL,
  issuer      VARCHAR(255) NULL,
  ocop_stars  INT          NULL,
  valid_from  DATE         NULL,
  valid_to    DATE         NULL,
  CONSTRAINT fk_certification_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
  INDEX ix_certification_product (product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
