-- Address suppression (#5): addresses that must not get messages any more because they bounced
-- permanently (a 5.x.x bounce), complained (marked a message as spam) or were added by an admin.
-- Checked before every send; a suppressed address gives a dropped delivery whatever the person's
-- subscription says (suppression is about deliverability, not consent). address is lower-case and
-- trimmed (for email: the bare address, no display name). reason: hard_bounce, complaint, manual.
-- delivery_id: the delivery whose bounce or complaint caused it (NULL for manual ones).
CREATE TABLE messaging_suppression (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT        NOT NULL,
  channel       VARCHAR(16)   NOT NULL,
  address       VARCHAR(320)  NOT NULL,
  reason        VARCHAR(16)   NOT NULL,
  delivery_id   VARCHAR(32)   NULL,
  created_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_messaging_suppression_address (workspace_id, channel, address),
  KEY ix_messaging_suppression_recent (workspace_id, channel, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
