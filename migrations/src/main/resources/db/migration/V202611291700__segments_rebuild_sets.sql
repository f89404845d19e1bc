-- Rebuilds compute a segment's members as a set (one INSERT ... SELECT into segments_rebuild_match)
-- instead of walking every person, then apply the difference with segments_membership in short
-- chunks: first the enters (matches that are not members), then the exits (members that are not
-- matches), then the re-check timers of time-dependent conditions (segments_rebuild_timer).
--
-- run numbers one computation of the set: a node that takes over a rebuild computes it again under
-- a new run, so rows a slower node still writes for an older run are never read. phase is the step
-- the rebuild is in (collect, enter, exit, timers, schedule), after_cio the last person of that
-- step done, marker the database time just before the set was read: people the real-time engine
-- evaluated after it are evaluated again in memory before a chunk changes their membership.
ALTER TABLE segments_rebuild
  ADD COLUMN phase      VARCHAR(16)  NOT NULL DEFAULT 'collect',
  ADD COLUMN run        BIGINT       NOT NULL DEFAULT 0,
  ADD COLUMN after_cio  VARCHAR(32)  NOT NULL DEFAULT '',
  ADD COLUMN marker     DATETIME(3)  NULL,
  DROP COLUMN after_key;

CREATE TABLE segments_rebuild_match (
  segment_id  BIGINT       NOT NULL,
  run         BIGINT       NOT NULL,
  cio_id      VARCHAR(32)  NOT NULL,
  PRIMARY KEY (segment_id, run, cio_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The earliest time each person's result for a time-dependent condition can change (a lower bound:
-- the re-check computes the exact time in memory and sets the next one).
CREATE TABLE segments_rebuild_timer (
  segment_id  BIGINT       NOT NULL,
  run         BIGINT       NOT NULL,
  cio_id      VARCHAR(32)  NOT NULL,
  due_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (segment_id, run, cio_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
