-- Images are keyed by the SHA-256 of their bytes; the bytes live in the blob store, not here.
CREATE TABLE image (
    id          CHAR(64)     NOT NULL,
    format      VARCHAR(8)   NOT NULL,
    width       INT          NOT NULL,
    height      INT          NOT NULL,
    frames      INT          NOT NULL,
    bytes       BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    origin_site VARCHAR(32)  NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every time somebody uploaded those bytes: who (API key fingerprint), under which display name, when.
CREATE TABLE image_upload (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    image_id        CHAR(64)     NOT NULL,
    uploader        VARCHAR(32)  NOT NULL,
    display_name    VARCHAR(255) NOT NULL,
    uploaded_at     DATETIME(6)  NOT NULL,
    idempotency_key VARCHAR(128) NULL,
    PRIMARY KEY (id),
    KEY ix_image_upload_image (image_id),
    CONSTRAINT fk_image_upload_image FOREIGN KEY (image_id) REFERENCES image (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A deleted image: no replica, retry or cache may bring it back (a deliberate new upload may).
CREATE TABLE image_tombstone (
    image_id   CHAR(64)    NOT NULL,
    deleted_at DATETIME(6) NOT NULL,
    deleted_by VARCHAR(32) NOT NULL,
    PRIMARY KEY (image_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The first answer to a request sent with an Idempotency-Key, replayed to its retries.
CREATE TABLE idempotent_response (
    request_key CHAR(64)    NOT NULL,
    status      INT         NOT NULL,
    body        MEDIUMTEXT  NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (request_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
