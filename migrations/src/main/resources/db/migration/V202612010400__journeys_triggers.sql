-- Journeys (#6): date-attribute, object / relationship and inbound-webhook triggers.

-- Each person's next occurrence of an active date-triggered journey's date (the attribute plus the
-- trigger's offset, at its local time of day). Filled in chunks when the journey is activated,
-- kept up to date from people's change feed (the attribute or `timezone` changed), claimed by
-- every node's date poller with SELECT ... FOR UPDATE SKIP LOCKED when due_at has come. due_at is
-- NULL when nothing is due (no date, a date long past, a one-off date that has fired);
-- last_occurrence is the occurrence that last started a run, so it never starts one twice.
CREATE TABLE journeys_date_schedule (
  journey_id       BIGINT       NOT NULL,
  cio_id           VARCHAR(32)  NOT NULL,
  workspace_id     BIGINT       NOT NULL,
  due_at           DATETIME(3)  NULL,
  last_occurrence  DATETIME(3)  NULL,
  PRIMARY KEY (journey_id, cio_id),
  KEY ix_journeys_date_schedule_due (due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The secret of a webhook-triggered journey's inbound URL (POST /v1/webhooks/journeys/{token}):
-- only its SHA-256 (hex) is kept; the token is shown once, when created or rotated.
CREATE TABLE journeys_webhook (
  journey_id    BIGINT      NOT NULL,
  workspace_id  BIGINT      NOT NULL,
  token_sha256  CHAR(64)    NOT NULL,
  created_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (journey_id),
  UNIQUE KEY ux_journeys_webhook_token (token_sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The objects module's durable journal of object changes (its outbox for journeys), written in the
-- transaction that made the change: kind created / updated (an object's attributes were written;
-- cio_id NULL), related / unrelated (a person's relationship to it; cio_id the person). attributes
-- are the object's attributes after the change. Read in id order from a consumer's position
-- (journeys_feed_cursor), never past an unsettled hole (inserted_at).
CREATE TABLE objects_change (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id    BIGINT        NOT NULL,
  object_type_id  INT           NOT NULL,
  object_id       VARCHAR(150)  NOT NULL,
  cio_object_id   VARCHAR(32)   NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  cio_id          VARCHAR(32)   NULL,
  attributes      MEDIUMTEXT    NOT NULL,
  changed_at      DATETIME(3)   NOT NULL,
  inserted_at     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_objects_change_inserted (inserted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
