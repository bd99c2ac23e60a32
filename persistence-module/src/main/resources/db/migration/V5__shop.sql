-- The storefront's products and their pictures. Pictures point at stored images by content id: replacing a
-- picture points the row at other bytes (a new URL); the old image and its URL stay as they were.
CREATE TABLE shop_product (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    slug         VARCHAR(80)   NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    description  TEXT          NOT NULL,
    price_cents  BIGINT        NOT NULL,
    currency     CHAR(3)       NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      BIGINT        NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_shop_product_slug (slug),
    KEY ix_shop_product_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE shop_picture (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    product_id  BIGINT        NOT NULL,
    image_id    CHAR(64)      NOT NULL,
    alt         VARCHAR(300)  NOT NULL,
    position    INT           NOT NULL,
    version     BIGINT        NOT NULL,
    PRIMARY KEY (id),
    KEY ix_shop_picture_product (product_id, position),
    KEY ix_shop_picture_image (image_id),
    CONSTRAINT fk_shop_picture_product FOREIGN KEY (product_id) REFERENCES shop_product (id) ON DELETE CASCADE,
    -- an image deleted from picbed leaves the galleries that showed it
    CONSTRAINT fk_shop_picture_image FOREIGN KEY (image_id) REFERENCES image (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
