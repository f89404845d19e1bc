-- Two per-person indexes the real-time segments engine reads for every batch it evaluates become
-- covering (segments module, issue #4). Measured with the slow log on bench/segments' throughput
-- load (1,000,000 people, 50 segments), the two reads took 30% of the database's statement time:
-- - segments_membership by person: the index held (workspace_id, cio_id) and the primary key id, so
--   each member row cost a lookup in the clustered index for its segment_id.
-- - events_event by person: the index held (workspace_id, person_cio_id, occurred_at), so each of
--   the person's events in the window cost a clustered-index lookup for its name, though most
--   segments filter on names only. With name in the index, the facts loader reads those events from
--   the index alone (it reads data only for names a leaf filters on their data). occurred_at stays
--   second, so the activity timeline still reads a person's events in time order from it.
ALTER TABLE segments_membership
  DROP KEY ix_segments_membership_person,
  ADD KEY ix_segments_membership_person (workspace_id, cio_id, segment_id);
ALTER TABLE events_event
  DROP KEY ix_events_event_person,
  ADD KEY ix_events_event_person (workspace_id, person_cio_id, occurred_at, name);
