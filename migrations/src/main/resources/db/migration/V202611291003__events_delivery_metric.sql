-- Delivery metrics reported by clients (events module): Track /api/v1/metrics, /api/v1/push/events
-- and v2 delivery events. Messaging (#5) joins them to its deliveries by delivery_id.
CREATE TABLE events_delivery_metric (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id   BIGINT        NOT NULL,
  delivery_id    VARCHAR(150)  NOT NULL,
  metric         VARCHAR(32)   NOT NULL,
  occurred_at    DATETIME(3)   NOT NULL,
  received_at    DATETIME(3)   NOT NULL,
  recipient      VARCHAR(1000) NULL,
  reason         VARCHAR(1000) NULL,
  href           VARCHAR(2048) NULL,
  device_id      VARCHAR(512)  NULL,
  source         VARCHAR(16)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_events_delivery_metric_delivery (workspace_id, delivery_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Forms that submitted data (ingest module): an unknown form_id is registered on first use, as
-- Customer.io's form connections are.
CREATE TABLE ingest_form (
  workspace_id      BIGINT        NOT NULL,
  form_id           VARCHAR(150)  NOT NULL,
  name              VARCHAR(500)  NULL,
  submissions       BIGINT        NOT NULL,
  first_submitted   DATETIME(3)   NOT NULL,
  last_submitted    DATETIME(3)   NOT NULL,
  PRIMARY KEY (workspace_id, form_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
