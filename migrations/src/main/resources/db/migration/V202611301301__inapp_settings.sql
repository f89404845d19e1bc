-- In-app settings per workspace (#7): the origins browsers may call the SDK endpoints from (a JSON
-- array of "https://app.example.com" origins, or ["*"]). No row: the node default
-- (herald.inapp.allowed-origins, "*").
CREATE TABLE inapp_settings (
  workspace_id     BIGINT       NOT NULL,
  allowed_origins  TEXT         NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (workspace_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
