-- Purges ("purge" is a reserved word in MariaDB): who asked to drop what from every cache, when, and which sites have applied it.
CREATE TABLE cache_purge (
    id            VARCHAR(40)   NOT NULL,
    scope         VARCHAR(16)   NOT NULL,
    image_id      CHAR(64)      NULL,
    spec          VARCHAR(1024) NULL,
    requested_by  VARCHAR(128)  NOT NULL,
    requested_at  DATETIME(6)   NOT NULL,
    origin_site   VARCHAR(32)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_cache_purge_requested_at (requested_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE cache_purge_ack (
    purge_id          VARCHAR(40)  NOT NULL,
    site              VARCHAR(32)  NOT NULL,
    applied_at        DATETIME(6)  NOT NULL,
    found             BOOLEAN      NOT NULL,
    variants_removed  INT          NOT NULL,
    hot_evicted       INT          NOT NULL,
    PRIMARY KEY (purge_id, site),
    CONSTRAINT fk_cache_purge_ack FOREIGN KEY (purge_id) REFERENCES cache_purge (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
