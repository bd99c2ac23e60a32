-- Derived images (variants): one row per (image, canonical spec, output format), named by a digest of that key.
-- The bytes live in the blob store's variant area; the row says how far rendering got.
CREATE TABLE image_variant (
    variant_key  CHAR(32)     NOT NULL,
    image_id     CHAR(64)     NOT NULL,
    spec         VARCHAR(512) NOT NULL,
    format       VARCHAR(8)   NOT NULL,
    preset       VARCHAR(32)  NULL,
    state        VARCHAR(16)  NOT NULL,
    reason       VARCHAR(255) NULL,
    width        INT          NULL,
    height       INT          NULL,
    bytes        BIGINT       NULL,
    attempts     INT          NOT NULL,
    requested_at DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (variant_key),
    KEY ix_image_variant_image (image_id),
    CONSTRAINT fk_image_variant_image FOREIGN KEY (image_id) REFERENCES image (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
