-- Message engagements per person (segments module), read by engagement leaves of data-driven
-- segments (issue #4). Messaging (issue #5) records them through
-- io.herald.segments.api.EngagementRecorder. metric: received, opened, clicked, converted,
-- unsubscribed. message_id / campaign_id may be NULL.
CREATE TABLE segments_engagement (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT        NOT NULL,
  cio_id        VARCHAR(32)   NOT NULL,
  metric        VARCHAR(16)   NOT NULL,
  message_id    VARCHAR(150)  NULL,
  campaign_id   VARCHAR(150)  NULL,
  occurred_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_segments_engagement_person (workspace_id, cio_id, metric, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
