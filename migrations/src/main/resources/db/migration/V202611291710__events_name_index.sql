-- Events by name and time within a workspace: what segment rebuilds read ("purchase at least twice
-- in the last 30 days" reads the purchases of the window, not every event) and what the rebuild's
-- re-check timers read. Without it such a rebuild scans the whole table (PERFORMANCE-NOTES §3.3
-- assumes this index; its insert cost is part of the ingestion baseline, which copies this table).
CREATE INDEX ix_events_event_name ON events_event (workspace_id, name, occurred_at);
