-- Upload tokens are signed and carry their own scope; only their use is shared state: how many requests and files
-- each token has been used for, across every node (a single-use token's row is its one claim).
CREATE TABLE upload_token_use (
    token_id       VARCHAR(32)  NOT NULL,
    requests       INT          NOT NULL,
    files          INT          NOT NULL,
    first_used_at  DATETIME(6)  NOT NULL,
    last_used_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (token_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
