-- In-app messages (#7): the queue of messages Herald serves to a person's browser or app through the
-- SDK endpoints (platform/inapp). One row per in-app delivery; delivery_id is messaging's delivery id
-- (the idempotency key the provider is called with), unique per workspace so a re-sent delivery is
-- queued once. content is the message as JSON ({title, message, type, buttons, image_url}).
-- state: pending (not shown yet), shown (the SDK reported it opened), clicked, dismissed.
-- Messages past expires_at are no longer served.
CREATE TABLE inapp_message (
  id            BIGINT         NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT         NOT NULL,
  cio_id        VARCHAR(32)    NOT NULL,
  delivery_id   VARCHAR(64)    NOT NULL,
  content       MEDIUMTEXT     NOT NULL,
  state         VARCHAR(16)    NOT NULL,
  created_at    DATETIME(3)    NOT NULL,
  expires_at    DATETIME(3)    NOT NULL,
  shown_at      DATETIME(3)    NULL,
  acted_at      DATETIME(3)    NULL,
  clicked_url   VARCHAR(2048)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_inapp_message_delivery (workspace_id, delivery_id),
  KEY ix_inapp_message_person (workspace_id, cio_id, state, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
