-- People profiles (people module). Identifiers are columns with per-workspace unique keys;
-- attributes are a JSON document, with the time each attribute was last set beside it.
-- email_key is the lower-cased email (Customer.io treats email case-insensitively).
CREATE TABLE people_person (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id          BIGINT        NOT NULL,
  cio_id                VARCHAR(32)   NOT NULL,
  customer_id           VARCHAR(150)  NULL,
  email                 VARCHAR(1000) NULL,
  email_key             VARCHAR(255)  NULL,
  attributes            LONGTEXT      NOT NULL,
  attribute_timestamps  LONGTEXT      NOT NULL,
  unsubscribed          BOOLEAN       NOT NULL DEFAULT FALSE,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  version               BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY ux_people_person_cio (workspace_id, cio_id),
  UNIQUE KEY ux_people_person_customer (workspace_id, customer_id),
  UNIQUE KEY ux_people_person_email (workspace_id, email_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
