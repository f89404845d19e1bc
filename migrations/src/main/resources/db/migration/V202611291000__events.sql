-- Events (events module): person, anonymous and object events, written by the group-commit
-- batcher in multi-row inserts. The auto-increment id orders the change feed: consumers keep
-- their position in events_feed_cursor. dedupe_id is the sender's event id (Track "id",
-- Pipelines "messageId"): a repeat within the workspace is ignored (INSERT IGNORE).
CREATE TABLE events_event (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id    BIGINT        NOT NULL,
  person_cio_id   VARCHAR(32)   NULL,
  anonymous_id    VARCHAR(150)  NULL,
  object_type_id  VARCHAR(150)  NULL,
  object_id       VARCHAR(150)  NULL,
  dedupe_id       VARCHAR(150)  NULL,
  name            VARCHAR(100)  NOT NULL,
  type            VARCHAR(16)   NOT NULL,
  source          VARCHAR(16)   NOT NULL,
  occurred_at     DATETIME(3)   NOT NULL,
  received_at     DATETIME(3)   NOT NULL,
  data            LONGTEXT      NOT NULL,
  context         LONGTEXT      NULL,
  inserted_at     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY ux_events_event_dedupe (workspace_id, dedupe_id),
  KEY ix_events_event_person (workspace_id, person_cio_id, occurred_at),
  KEY ix_events_event_anonymous (workspace_id, anonymous_id),
  KEY ix_events_event_object (workspace_id, object_type_id, object_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per change-feed consumer: every event with id <= position was handled. A consumer
-- never moves past a hole in the ids that may still be filled by a transaction in flight.
CREATE TABLE events_feed_cursor (
  consumer      VARCHAR(100)  NOT NULL,
  position      BIGINT        NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (consumer)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
