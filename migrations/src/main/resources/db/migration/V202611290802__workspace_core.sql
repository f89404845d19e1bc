-- Workspaces, API credentials and admin users (workspace module).
CREATE TABLE workspace_workspace (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  slug        VARCHAR(64)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ux_workspace_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per credential. secret_hash is SHA-256 hex of the secret (API keys are random, so a
-- fast hash is enough and lets us look keys up); the secret itself is never stored.
CREATE TABLE workspace_credential (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT       NOT NULL,
  kind          VARCHAR(16)  NOT NULL,
  name          VARCHAR(100) NOT NULL,
  site_id       VARCHAR(64)  NULL,
  secret_hash   CHAR(64)     NOT NULL,
  secret_mask   VARCHAR(16)  NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  revoked_at    DATETIME(3)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ux_workspace_credential_secret (kind, secret_hash),
  KEY ix_workspace_credential_site (site_id),
  KEY ix_workspace_credential_ws (workspace_id),
  CONSTRAINT fk_workspace_credential_ws FOREIGN KEY (workspace_id) REFERENCES workspace_workspace (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Admin console users; password_hash is Jakarta Security's PBKDF2 format.
CREATE TABLE workspace_admin_user (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  email          VARCHAR(254) NOT NULL,
  password_hash  VARCHAR(512) NOT NULL,
  role           VARCHAR(16)  NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ux_workspace_admin_user_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
