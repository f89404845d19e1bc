-- Journey broadcasts (#6): an active API-triggered journey entered by everyone in a segment, now,
-- at send_at, or at a local date-time in each person's zone, at most per_minute people a minute.
--
-- state: scheduled (nothing done yet), sending (audience being queued and/or entered), sent (every
-- queued person handled), cancelled. next_at: when a poller should next look at it. Pollers claim
-- the row with SELECT ... FOR UPDATE SKIP LOCKED, so one node at a time works a broadcast and a
-- node that dies mid-chunk loses nothing (its transaction rolls back). audience_after is the
-- segment member cursor of the queueing (audience_done = 1 once the last page is queued).
CREATE TABLE journeys_broadcast (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id   BIGINT        NOT NULL,
  journey_id     BIGINT        NOT NULL,
  segment_id     BIGINT        NOT NULL,
  data           MEDIUMTEXT    NOT NULL,
  send_at        DATETIME(3)   NULL,
  local_time     VARCHAR(19)   NULL,
  per_minute     INT           NULL,
  state          VARCHAR(16)   NOT NULL,
  next_at        DATETIME(3)   NOT NULL,
  audience_after BIGINT        NOT NULL DEFAULT 0,
  audience_done  TINYINT(1)    NOT NULL DEFAULT 0,
  created_at     DATETIME(3)   NOT NULL,
  started_at     DATETIME(3)   NULL,
  finished_at    DATETIME(3)   NULL,
  PRIMARY KEY (id),
  KEY ix_journeys_broadcast_due (state, next_at),
  KEY ix_journeys_broadcast_journey (journey_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The broadcast's queue: one row per person of the audience, due at due_at (their local time, or
-- the send time). state: queued, entered (run_id set), skipped (the entry rules or filter said no).
-- The row's state change and the run's start are one transaction: a person is entered once.
CREATE TABLE journeys_broadcast_person (
  broadcast_id  BIGINT        NOT NULL,
  cio_id        VARCHAR(32)   NOT NULL,
  due_at        DATETIME(3)   NOT NULL,
  state         VARCHAR(16)   NOT NULL,
  run_id        BIGINT        NULL,
  handled_at    DATETIME(3)   NULL,
  PRIMARY KEY (broadcast_id, cio_id),
  KEY ix_journeys_broadcast_person_due (broadcast_id, state, due_at),
  KEY ix_journeys_broadcast_person_handled (broadcast_id, handled_at),
  KEY ix_journeys_broadcast_person_run (run_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
