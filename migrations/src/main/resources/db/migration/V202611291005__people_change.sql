-- What happened to each person (people module), written in the same transaction as the change:
-- created, attribute_change, failed_attribute_change (identifiers owned by someone else), merged.
-- The App API activity feed shows it; data-driven segments (#4) will follow it as the person side of
-- the change feed (ids ascending).
CREATE TABLE people_change (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id    BIGINT        NOT NULL,
  person_cio_id   VARCHAR(32)   NOT NULL,
  kind            VARCHAR(32)   NOT NULL,
  changed_at      DATETIME(3)   NOT NULL,
  data            LONGTEXT      NOT NULL,
  PRIMARY KEY (id),
  KEY ix_people_change_person (workspace_id, person_cio_id, changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
