-- Groups of tasks (images by URL or upload, each with ordered rules), their progress and their callback.
CREATE TABLE batch_group (
    id                    VARCHAR(40)    NOT NULL,
    priority              VARCHAR(8)     NOT NULL,
    state                 VARCHAR(16)    NOT NULL,
    task_count            INT            NOT NULL,
    tasks_finished        INT            NOT NULL,
    tasks_failed          INT            NOT NULL,
    callback_url          VARCHAR(2048)  NULL,
    callback_state        VARCHAR(16)    NULL,
    callback_attempts     INT            NOT NULL,
    callback_error        VARCHAR(512)   NULL,
    callback_delivered_at DATETIME(6)    NULL,
    created_by            VARCHAR(32)    NOT NULL,
    created_at            DATETIME(6)    NOT NULL,
    finished_at           DATETIME(6)    NULL,
    version               BIGINT         NOT NULL,
    PRIMARY KEY (id),
    KEY ix_batch_group_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE batch_task (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    group_id       VARCHAR(40)    NOT NULL,
    position       INT            NOT NULL,
    source_url     VARCHAR(4096)  NULL,
    upload_name    VARCHAR(255)   NULL,
    staged         VARCHAR(80)    NULL,
    rules          TEXT           NOT NULL,
    keep_original  BOOLEAN        NOT NULL,
    state          VARCHAR(16)    NOT NULL,
    image_id       CHAR(64)       NULL,
    original_id    CHAR(64)       NULL,
    applied        TEXT           NULL,
    error_code     VARCHAR(64)    NULL,
    error_detail   VARCHAR(512)   NULL,
    queued_at      DATETIME(6)    NOT NULL,
    finished_at    DATETIME(6)    NULL,
    version        BIGINT         NOT NULL,
    PRIMARY KEY (id),
    KEY ix_batch_task_group (group_id, position),
    CONSTRAINT fk_batch_task_group FOREIGN KEY (group_id) REFERENCES batch_group (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
