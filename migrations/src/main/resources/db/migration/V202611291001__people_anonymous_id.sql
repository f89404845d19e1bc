-- Anonymous ids a person was identified with (people module): events sent for the anonymous id
-- before or after the identify belong to that person. One person per anonymous id.
CREATE TABLE people_anonymous_id (
  workspace_id    BIGINT        NOT NULL,
  anonymous_id    VARCHAR(150)  NOT NULL,
  person_cio_id   VARCHAR(32)   NOT NULL,
  linked_at       DATETIME(3)   NOT NULL,
  PRIMARY KEY (workspace_id, anonymous_id),
  KEY ix_people_anonymous_id_person (workspace_id, person_cio_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
