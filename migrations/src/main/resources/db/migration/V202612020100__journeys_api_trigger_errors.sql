-- Per-recipient errors of API triggers (POST /v1/campaigns/{id}/triggers), read by Customer.io's
-- GET /v1/campaigns/{id}/triggers/{trigger_id}/errors: a reference that names nobody (skipped with
-- id_ignore_missing / email_ignore_missing) or a person the journey's entry rule, entry filter or
-- frequency limit kept out. At most 1,000 rows per trigger (the first ones, in request order);
-- journeys_api_trigger.errors counts them all.
CREATE TABLE journeys_api_trigger_error (
  id           BIGINT         NOT NULL AUTO_INCREMENT,
  trigger_id   BIGINT         NOT NULL,
  batch_index  INT            NOT NULL,
  reason       VARCHAR(32)    NOT NULL,
  field        VARCHAR(255)   NOT NULL,
  message      VARCHAR(1000)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_journeys_api_trigger_error_trigger (trigger_id, id),
  CONSTRAINT fk_journeys_api_trigger_error_trigger FOREIGN KEY (trigger_id)
    REFERENCES journeys_api_trigger (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

ALTER TABLE journeys_api_trigger ADD COLUMN errors INT NOT NULL DEFAULT 0;
