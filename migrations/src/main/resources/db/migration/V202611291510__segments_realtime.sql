-- Data-driven segments kept up to date in real time (segments module, issue #4).
--
-- segments_segment gains the condition tree of a data segment (conditions: the JSON written by
-- io.herald.segments.api.condition.ConditionJson, conditions_version: its format version),
-- revision (bumped whenever the conditions change, so every node notices and reloads its index),
-- and the state of its full rebuild (rebuild_state: pending, running or done; rebuilt_at: when the
-- last rebuild finished).
ALTER TABLE segments_segment
  ADD COLUMN conditions          LONGTEXT     NULL,
  ADD COLUMN conditions_version  INT          NULL,
  ADD COLUMN revision            INT          NOT NULL DEFAULT 0,
  ADD COLUMN rebuild_state       VARCHAR(16)  NULL,
  ADD COLUMN rebuilt_at          DATETIME(3)  NULL;

-- Every enter and exit of a segment, written in the same transaction as the segments_membership
-- row it describes. cause: event, attribute, relationship, device, segment, time, rebuild, api,
-- merge. The id orders the changes: this is the durable outbox journeys (#6) consume, at least once
-- and in order per person (a consumer keeps the last id it handled, like a change-feed cursor).
-- Rows outlive their segment (no foreign key), so a consumer never meets a hole it must wait for
-- except one left by a transaction still in flight.
CREATE TABLE segments_membership_change (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  workspace_id  BIGINT       NOT NULL,
  segment_id    BIGINT       NOT NULL,
  cio_id        VARCHAR(32)  NOT NULL,
  entered       BOOLEAN      NOT NULL,
  cause         VARCHAR(16)  NOT NULL,
  changed_at    DATETIME(3)  NOT NULL,
  inserted_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_segments_membership_change_segment (segment_id, id),
  KEY ix_segments_membership_change_person (workspace_id, cio_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per person the real-time engine has evaluated, serving two purposes:
-- * the person's lock: every evaluation of a person (real-time worker, re-check, rebuild) first
--   locks this row, so two nodes never write one person's memberships from different data;
--   evaluated_at is when the person was last evaluated (a rebuild re-checks people evaluated after
--   its snapshot instead of overwriting them);
-- * the person's re-check timer: due_at (NULL when none) is when the person must be evaluated
--   again, because a window expires (cause time) or because something changed that arrives through
--   no feed (cause device, relationship, segment, event for a linked anonymous id, merge). Any node
--   claims due rows with SELECT ... FOR UPDATE SKIP LOCKED: the claimed rows stay locked while
--   their people are evaluated, which is the person lock above.
CREATE TABLE segments_recheck (
  workspace_id  BIGINT       NOT NULL,
  cio_id        VARCHAR(32)  NOT NULL,
  due_at        DATETIME(3)  NULL,
  cause         VARCHAR(16)  NULL,
  evaluated_at  DATETIME(3)  NULL,
  PRIMARY KEY (workspace_id, cio_id),
  KEY ix_segments_recheck_due (due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Requests to re-evaluate people, appended by transactions of other modules and of manual segment
-- writes (a device added, a relationship or a related object changed, an anonymous id linked, a
-- manual segment joined or left), in the same transaction as the change. Append-only (no unique
-- key), so the writer never waits on a lock the engine holds; the engine claims rows with SELECT
-- ... FOR UPDATE SKIP LOCKED, folds them into segments_recheck (due now) and deletes them.
CREATE TABLE segments_recheck_request (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id   BIGINT        NOT NULL,
  cio_id         VARCHAR(32)   NOT NULL,
  cause          VARCHAR(16)   NOT NULL,
  requested_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Full rebuilds of data segments, one row per segment while one is wanted or running. revision is
-- the segment revision being rebuilt (a newer request restarts the walk), after_key the last person
-- key (people_person.id) done: a node that crashes leaves a row another node resumes from
-- after_key once lease_until has passed. snapshot_at is when the current batch's verdicts were
-- read. The row is deleted when the walk is complete.
CREATE TABLE segments_rebuild (
  segment_id    BIGINT        NOT NULL,
  workspace_id  BIGINT        NOT NULL,
  revision      INT           NOT NULL,
  after_key     BIGINT        NOT NULL DEFAULT 0,
  entered       BIGINT        NOT NULL DEFAULT 0,
  exited        BIGINT        NOT NULL DEFAULT 0,
  requested_at  DATETIME(3)   NOT NULL,
  lease_owner   VARCHAR(100)  NULL,
  lease_until   DATETIME(3)   NULL,
  PRIMARY KEY (segment_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per change feed the segments engine consumes (events, people). The worker that holds the
-- row's lock (SELECT ... FOR UPDATE SKIP LOCKED) is the only consumer of that feed in the cluster
-- until its transaction ends; the positions themselves live in the feeds' own cursor tables.
CREATE TABLE segments_feed_lock (
  feed  VARCHAR(32)  NOT NULL,
  PRIMARY KEY (feed)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO segments_feed_lock (feed) VALUES ('events'), ('people');
