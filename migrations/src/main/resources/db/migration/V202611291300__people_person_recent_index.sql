-- People search (admin console) lists a workspace's people newest first with keyset paging
-- (WHERE workspace_id = ? AND id < ? ORDER BY id DESC). This index answers that walk for one
-- workspace without reading other workspaces' rows; the attribute search walks it too.
CREATE INDEX ix_people_person_recent ON people_person (workspace_id, id);
