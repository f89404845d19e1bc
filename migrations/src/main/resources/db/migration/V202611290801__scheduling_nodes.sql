-- Herald nodes and their heartbeat (scheduling module).
CREATE TABLE scheduling_node (
  node_id       VARCHAR(64)  NOT NULL,
  host          VARCHAR(255) NOT NULL,
  version       VARCHAR(64)  NOT NULL,
  started_at    DATETIME(3)  NOT NULL,
  last_seen_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (node_id),
  KEY ix_scheduling_node_last_seen (last_seen_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
