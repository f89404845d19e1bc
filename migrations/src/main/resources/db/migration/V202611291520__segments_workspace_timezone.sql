-- The workspace's time zone (an IANA name such as Europe/Paris), set through
-- PUT /v1/workspace/settings. Data segments read calendar days in it (date conditions with
-- "timezone":"workspace", and for people without a valid timezone attribute).
ALTER TABLE workspace_workspace ADD COLUMN timezone VARCHAR(64) NOT NULL DEFAULT 'UTC';
