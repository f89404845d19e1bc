-- Stored content (#5): snippets and email layouts.

-- A snippet: reusable Liquid a template names as {{snippets.<name>}} (Customer.io's App API shape:
-- name unique per workspace, value, updated_at).
CREATE TABLE messaging_snippet (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT        NOT NULL,
  name          VARCHAR(150)  NOT NULL,
  value         MEDIUMTEXT    NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_messaging_snippet_name (workspace_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- An email layout: HTML with exactly one {{ content }} placeholder where a message's body goes.
CREATE TABLE messaging_layout (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT        NOT NULL,
  name          VARCHAR(255)  NOT NULL,
  html          MEDIUMTEXT    NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_messaging_layout_workspace (workspace_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The layout a transactional message's body is wrapped in (NULL: none). The foreign key keeps a
-- layout in use from being deleted even when a delete races an update of the message.
ALTER TABLE messaging_transactional
  ADD COLUMN layout_id BIGINT NULL,
  ADD CONSTRAINT fk_messaging_transactional_layout FOREIGN KEY (layout_id)
    REFERENCES messaging_layout (id);
