-- Journeys (#6): a deleted person's date-trigger schedule rows are deleted with them (by workspace
-- and cio_id; the primary key starts with the journey).
ALTER TABLE journeys_date_schedule ADD KEY ix_journeys_date_schedule_person (workspace_id, cio_id);
