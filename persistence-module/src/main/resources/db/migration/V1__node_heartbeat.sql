-- One row per server node: the last heartbeat it sent through JMS and when an MDB received it.
CREATE TABLE node_heartbeat (
    node_name        VARCHAR(64)  NOT NULL,
    last_sent_at     DATETIME(6)  NOT NULL,
    last_received_at DATETIME(6)  NOT NULL,
    beats            BIGINT       NOT NULL,
    version          BIGINT       NOT NULL,
    PRIMARY KEY (node_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
