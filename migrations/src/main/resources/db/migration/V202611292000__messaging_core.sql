-- Messaging core (#5): channel settings, transactional messages, the delivery log.

-- A configured channel provider of a workspace: which plugin factory (provider = its descriptor id)
-- with which settings. settings holds the non-secret values as JSON; secrets the secret ones as
-- JSON encrypted with the node's key (SecretCipher). version grows on every change, so nodes
-- replace providers they created from older settings. rate_per_second / burst cap the sends through
-- it (token bucket per node; NULL: no limit), domain_limits caps sends per recipient domain (JSON
-- {"gmail.com": 20}, messages per second).
CREATE TABLE messaging_channel (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT        NOT NULL,
  name          VARCHAR(64)   NOT NULL,
  channel       VARCHAR(16)   NOT NULL,
  provider      VARCHAR(64)   NOT NULL,
  settings      LONGTEXT      NOT NULL,
  secrets       LONGTEXT      NULL,
  is_default    TINYINT(1)    NOT NULL DEFAULT 0,
  rate_per_second INT         NULL,
  burst         INT           NULL,
  domain_limits LONGTEXT      NULL,
  version       INT           NOT NULL DEFAULT 1,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_messaging_channel_name (workspace_id, name),
  KEY ix_messaging_channel_kind (workspace_id, channel, is_default)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A transactional message: its email template and the options Customer.io keeps with it.
CREATE TABLE messaging_transactional (
  id                    BIGINT         NOT NULL AUTO_INCREMENT,
  workspace_id          BIGINT         NOT NULL,
  name                  VARCHAR(255)   NOT NULL,
  trigger_name          VARCHAR(255)   NULL,
  description           VARCHAR(1000)  NOT NULL DEFAULT '',
  channel               VARCHAR(16)    NOT NULL,
  subject               TEXT           NOT NULL,
  from_address          VARCHAR(998)   NOT NULL DEFAULT '',
  reply_to              VARCHAR(998)   NOT NULL DEFAULT '',
  preheader             TEXT           NOT NULL,
  body                  MEDIUMTEXT     NOT NULL,
  body_plain            MEDIUMTEXT     NOT NULL,
  topic_id              VARCHAR(64)    NULL,
  send_to_unsubscribed  TINYINT(1)     NOT NULL DEFAULT 1,
  created_at            DATETIME(3)    NOT NULL,
  updated_at            DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_messaging_transactional_trigger (workspace_id, trigger_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One message to one recipient. state: queued (waiting for due_at), sending (claimed until
-- lease_until), sent, failed, dropped (never sent, reason says why), draft. content is the rendered
-- message as JSON (emptied after sending when the send asked for no retention). lane: transactional
-- or bulk; each lane has its own senders, so transactional mail never waits behind a broadcast.
CREATE TABLE messaging_delivery (
  id                   BIGINT         NOT NULL AUTO_INCREMENT,
  delivery_id          VARCHAR(32)    NOT NULL,
  workspace_id         BIGINT         NOT NULL,
  cio_id               VARCHAR(32)    NULL,
  channel              VARCHAR(16)    NOT NULL,
  lane                 VARCHAR(16)    NOT NULL,
  transactional_id     BIGINT         NULL,
  recipient            VARCHAR(998)   NOT NULL,
  subject              TEXT           NULL,
  state                VARCHAR(16)    NOT NULL,
  reason               VARCHAR(1000)  NULL,
  channel_setting      VARCHAR(64)    NULL,
  provider_message_id  VARCHAR(255)   NULL,
  attempts             INT            NOT NULL DEFAULT 0,
  due_at               DATETIME(3)    NULL,
  lease_until          DATETIME(3)    NULL,
  retain               TINYINT(1)     NOT NULL DEFAULT 1,
  content              LONGTEXT       NULL,
  created_at           DATETIME(3)    NOT NULL,
  updated_at           DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_messaging_delivery_public (delivery_id),
  KEY ix_messaging_delivery_due (lane, state, due_at),
  KEY ix_messaging_delivery_person (workspace_id, cio_id, id),
  KEY ix_messaging_delivery_transactional (workspace_id, transactional_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- When each metric of a delivery happened (created, attempted, sent, delivered, opened, clicked,
-- converted, bounced, spammed, unsubscribed, failed, dropped): the first time counts.
CREATE TABLE messaging_delivery_metric (
  delivery_pk  BIGINT        NOT NULL,
  metric       VARCHAR(16)   NOT NULL,
  at           DATETIME(3)   NOT NULL,
  detail       VARCHAR(1000) NULL,
  PRIMARY KEY (delivery_pk, metric),
  CONSTRAINT fk_messaging_delivery_metric FOREIGN KEY (delivery_pk) REFERENCES messaging_delivery (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
