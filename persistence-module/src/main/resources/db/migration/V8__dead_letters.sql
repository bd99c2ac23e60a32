-- Why messages failed, keyed by their JMS message id (kept when the broker moves a message to its dead-letter
-- queue), and what an operator did about a dead letter: redriven or discarded, by whom and when.
CREATE TABLE message_failure (
    message_id     VARCHAR(100)  NOT NULL,
    queue          VARCHAR(100)  NOT NULL,
    kind           VARCHAR(40)   NOT NULL,
    subject        VARCHAR(100)  NULL,
    reason         VARCHAR(500)  NOT NULL,
    attempts       INT           NOT NULL,
    first_failure  DATETIME(6)   NOT NULL,
    last_failure   DATETIME(6)   NOT NULL,
    resolution     VARCHAR(16)   NULL,
    resolved_by    VARCHAR(128)  NULL,
    resolved_at    DATETIME(6)   NULL,
    PRIMARY KEY (message_id),
    KEY ix_message_failure_resolved_at (resolved_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
