-- Subscription topics (#5), Customer.io's subscription center: a workspace's kinds of message that
-- people subscribe to or not. id is numbered per workspace (1, 2, ...) and never reused, because
-- people's preferences name topics as topic_<id> in cio_subscription_preferences.topics; a deleted
-- topic keeps its row (deleted_at set) so a later topic does not inherit its preferences.
-- subscribed_by_default: 1 = opt-out topic (people get it unless they said no), 0 = opt-in topic
-- (only people who said yes get it). position orders the topics on the preferences page.
CREATE TABLE messaging_topic (
  workspace_id           BIGINT         NOT NULL,
  id                     BIGINT         NOT NULL,
  name                   VARCHAR(255)   NOT NULL,
  description            VARCHAR(1000)  NOT NULL DEFAULT '',
  subscribed_by_default  TINYINT(1)     NOT NULL DEFAULT 1,
  position               INT            NOT NULL DEFAULT 0,
  created_at             DATETIME(3)    NOT NULL,
  updated_at             DATETIME(3)    NOT NULL,
  deleted_at             DATETIME(3)    NULL,
  PRIMARY KEY (workspace_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
