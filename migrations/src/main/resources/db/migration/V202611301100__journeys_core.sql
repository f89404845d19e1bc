-- Journeys (#6): versioned workflow definitions, per-person runs, their step log and their timers.

-- A journey (Customer.io's campaign). state: draft, active, paused, archived. current_version is
-- the version new runs enter; editing an active journey adds a version, runs stay on theirs.
CREATE TABLE journeys_journey (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id     BIGINT        NOT NULL,
  name             VARCHAR(255)  NOT NULL,
  state            VARCHAR(16)   NOT NULL,
  current_version  INT           NOT NULL,
  trigger_type     VARCHAR(16)   NOT NULL,
  first_started_at DATETIME(3)   NULL,
  created_at       DATETIME(3)   NOT NULL,
  updated_at       DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_journeys_journey_workspace (workspace_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each version's definition document (JSON), never changed once written.
CREATE TABLE journeys_version (
  journey_id   BIGINT      NOT NULL,
  version      INT         NOT NULL,
  definition   MEDIUMTEXT  NOT NULL,
  created_at   DATETIME(3) NOT NULL,
  PRIMARY KEY (journey_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A run: one person in one journey version. state: active, completed, exited. node is where the
-- run is (the node it waits at, or the last one it passed). entry_key enforces the entry rule
-- with a unique index: "<journey>:<cio_id>" for "once" (kept for ever) and for "once at a time"
-- (cleared when the run ends); NULL for "every time". goal_from / goal_until bound the conversion
-- window; converted_at is set once. waiting_event names the event a wait-until step waits for,
-- waiting_cond = 1 while one waits for its condition.
CREATE TABLE journeys_run (
  id             BIGINT         NOT NULL AUTO_INCREMENT,
  workspace_id   BIGINT         NOT NULL,
  journey_id     BIGINT         NOT NULL,
  version        INT            NOT NULL,
  cio_id         VARCHAR(32)    NOT NULL,
  state          VARCHAR(16)    NOT NULL,
  node           VARCHAR(64)    NULL,
  entry_key      VARCHAR(64)    NULL,
  trigger_data   MEDIUMTEXT     NULL,
  waiting_event  VARCHAR(255)   NULL,
  waiting_cond   TINYINT(1)     NOT NULL DEFAULT 0,
  waiting_since  DATETIME(3)    NULL,
  goal_from      DATETIME(3)    NULL,
  goal_until     DATETIME(3)    NULL,
  converted_at   DATETIME(3)    NULL,
  exit_reason    VARCHAR(64)    NULL,
  entered_at     DATETIME(3)    NOT NULL,
  ended_at       DATETIME(3)    NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_journeys_run_entry (entry_key),
  KEY ix_journeys_run_journey (journey_id, state, id),
  KEY ix_journeys_run_person (workspace_id, cio_id, state),
  KEY ix_journeys_run_goal (workspace_id, cio_id, converted_at, goal_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The step log: what each node did for a run (outcome: entered, sent, waiting, branch label, ...).
CREATE TABLE journeys_step (
  id        BIGINT         NOT NULL AUTO_INCREMENT,
  run_id    BIGINT         NOT NULL,
  node      VARCHAR(64)    NOT NULL,
  outcome   VARCHAR(64)    NOT NULL,
  detail    VARCHAR(1000)  NULL,
  at        DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  KEY ix_journeys_step_run (run_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Timers: a run's next action at due_at. kind: step (execute node), resume (a delay or time
-- window ended: go on from node), timeout (a wait-until step timed out). Pollers on every node
-- claim due rows with SELECT ... FOR UPDATE SKIP LOCKED and lease them (claim, lease_until), so
-- a crashed node's timers run again once the lease is over. held = 1 while the journey is paused.
CREATE TABLE journeys_timer (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  workspace_id BIGINT       NOT NULL,
  journey_id  BIGINT        NOT NULL,
  run_id      BIGINT        NOT NULL,
  node        VARCHAR(64)   NOT NULL,
  kind        VARCHAR(16)   NOT NULL,
  due_at      DATETIME(3)   NOT NULL,
  held        TINYINT(1)    NOT NULL DEFAULT 0,
  claim       VARCHAR(40)   NULL,
  lease_until DATETIME(3)   NULL,
  attempts    INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY ix_journeys_timer_due (held, due_at),
  KEY ix_journeys_timer_run (run_id),
  KEY ix_journeys_timer_journey (journey_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- API triggers (POST /v1/campaigns/{id}/triggers): the answer's id and what was asked.
CREATE TABLE journeys_api_trigger (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  workspace_id BIGINT       NOT NULL,
  journey_id   BIGINT       NOT NULL,
  people       INT          NOT NULL,
  entered      INT          NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Positions of journeys' durable feed readers (segment membership changes).
CREATE TABLE journeys_feed_cursor (
  consumer      VARCHAR(100)  NOT NULL,
  position      BIGINT        NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (consumer)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
