-- Suppressed identifiers (people module): a suppressed person is deleted and identify calls that
-- name one of their identifiers are ignored until the identifier is unsuppressed.
-- id_key is the identifier as matched: the id as given, the email lower-cased.
CREATE TABLE people_suppression (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT       NOT NULL,
  id_type       VARCHAR(8)   NOT NULL,
  id_key        VARCHAR(255) NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ux_people_suppression (workspace_id, id_type, id_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
