-- Journey broadcasts (#6): a person whose entry keeps failing no longer blocks a broadcast, and a
-- finished broadcast's per-person rows are deleted after a retention, its counts kept.
--
-- attempts / reason: failed entries of a queued person (each rolled back on its own); after
-- herald.journeys.broadcast-max-attempts the row becomes state failed with the last reason.
ALTER TABLE journeys_broadcast_person
  ADD COLUMN attempts  INT           NOT NULL DEFAULT 0,
  ADD COLUMN reason    VARCHAR(255)  NULL;

-- people_pruned_at: when the per-person rows were deleted (herald.journeys.broadcast-retention-days
-- after finished_at); the counts shown from then on are the kept_* columns, frozen in the same
-- transaction that set it.
ALTER TABLE journeys_broadcast
  ADD COLUMN people_pruned_at  DATETIME(3)  NULL,
  ADD COLUMN kept_queued       BIGINT       NOT NULL DEFAULT 0,
  ADD COLUMN kept_entered      BIGINT       NOT NULL DEFAULT 0,
  ADD COLUMN kept_skipped      BIGINT       NOT NULL DEFAULT 0,
  ADD COLUMN kept_failed       BIGINT       NOT NULL DEFAULT 0,
  ADD COLUMN kept_sent         BIGINT       NOT NULL DEFAULT 0,
  ADD COLUMN kept_send_failed  BIGINT       NOT NULL DEFAULT 0,
  ADD KEY ix_journeys_broadcast_finished (finished_at);
