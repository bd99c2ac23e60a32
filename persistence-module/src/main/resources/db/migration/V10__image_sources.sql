-- imgproxy-style sources (plain/<url>, base64url): which stored image a remote URL was fetched into, and when,
-- so the same URL is fetched once and again only after PICBED_SOURCE_REFRESH_SECONDS.
CREATE TABLE image_source (
    url_sha      CHAR(64)       NOT NULL,
    url          VARCHAR(2048)  NOT NULL,
    image_id     CHAR(64)       NOT NULL,
    fetched_at   DATETIME(6)    NOT NULL,
    PRIMARY KEY (url_sha),
    KEY image_source_image (image_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
