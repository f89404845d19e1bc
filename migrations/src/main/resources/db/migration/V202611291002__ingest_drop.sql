-- Messages the Pipelines API accepted with 200 but did not apply (pipelines module), with the
-- reason, so operators can see what was dropped (Customer.io's permissive mode does the same).
CREATE TABLE ingest_drop (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id   BIGINT        NOT NULL,
  received_at    DATETIME(3)   NOT NULL,
  call_type      VARCHAR(16)   NOT NULL,
  message_id     VARCHAR(150)  NULL,
  reason         VARCHAR(500)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_ingest_drop_recent (workspace_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
