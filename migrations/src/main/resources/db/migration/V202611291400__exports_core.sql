-- Customer exports (exports module). An export row tracks the background job (status, progress,
-- counts, failure reason); the file lives in exports_chunk rows (the CSV header is chunk 0, then
-- rows in chunks of at most about 1 MB), so any node can serve it without a shared filesystem.
-- While the job runs, chunks 1..n hold the matched people as JSON lines; once every person has been
-- examined the job rewrites each chunk as CSV and writes the header, then marks the export done.
-- progress_at is the job's heartbeat: a pending export whose progress_at is older than
-- herald.exports.stale-minutes is marked failed (its node stopped).
CREATE TABLE exports_export (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  workspace_id    BIGINT         NOT NULL,
  type            VARCHAR(16)    NOT NULL,
  status          VARCHAR(16)    NOT NULL,
  filters         LONGTEXT       NOT NULL,
  columns_json    LONGTEXT       NULL,
  description     VARCHAR(1000)  NOT NULL,
  total           BIGINT         NOT NULL DEFAULT 0,
  scanned         BIGINT         NOT NULL DEFAULT 0,
  chunks          INT            NOT NULL DEFAULT 0,
  failure_reason  VARCHAR(1000)  NULL,
  downloads       INT            NOT NULL DEFAULT 0,
  created_at      DATETIME(3)    NOT NULL,
  updated_at      DATETIME(3)    NOT NULL,
  progress_at     DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  KEY ix_exports_export_workspace (workspace_id, id),
  KEY ix_exports_export_pending (status, progress_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE exports_chunk (
  export_id  BIGINT    NOT NULL,
  seq        INT       NOT NULL,
  body       LONGTEXT  NOT NULL,
  PRIMARY KEY (export_id, seq),
  CONSTRAINT fk_exports_chunk_export FOREIGN KEY (export_id) REFERENCES exports_export (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
