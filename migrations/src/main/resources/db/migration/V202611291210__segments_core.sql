-- Segments (segments module). type is 'manual' (members added and removed through the API) or
-- 'data' (computed from conditions; arrives with issue #4). Members are people referenced by their
-- stable cio_id only (no key into the people module's tables); workspace_id is repeated on the
-- membership so a person's memberships are found without a join (merge, delete).
CREATE TABLE segments_segment (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT        NOT NULL,
  name          VARCHAR(255)  NOT NULL,
  description   TEXT          NULL,
  type          VARCHAR(16)   NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_segments_segment_workspace (workspace_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE segments_membership (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  segment_id    BIGINT        NOT NULL,
  workspace_id  BIGINT        NOT NULL,
  cio_id        VARCHAR(32)   NOT NULL,
  added_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ux_segments_membership (segment_id, cio_id),
  KEY ix_segments_membership_person (workspace_id, cio_id),
  CONSTRAINT fk_segments_membership_segment FOREIGN KEY (segment_id) REFERENCES segments_segment (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
