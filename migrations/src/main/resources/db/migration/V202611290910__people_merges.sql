-- Merges of two people (people module): the secondary was deleted into the primary. Kept as a
-- record for the activity log and for support; merges are irreversible.
CREATE TABLE people_merge (
  id                     BIGINT       NOT NULL AUTO_INCREMENT,
  workspace_id           BIGINT       NOT NULL,
  primary_cio_id         VARCHAR(32)  NOT NULL,
  secondary_cio_id       VARCHAR(32)  NOT NULL,
  secondary_customer_id  VARCHAR(150) NULL,
  secondary_email        VARCHAR(1000) NULL,
  merged_at              DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_people_merge_primary (workspace_id, primary_cio_id),
  KEY ix_people_merge_secondary (workspace_id, secondary_cio_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
