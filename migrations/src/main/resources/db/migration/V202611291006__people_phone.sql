-- The phone identifier (people module): the person's "phone" attribute, unique per workspace, so
-- Track v2 and Pipelines can address a person by {"phone": "+15551234567"}.
ALTER TABLE people_person ADD COLUMN phone VARCHAR(32) NULL;
ALTER TABLE people_person ADD UNIQUE KEY ux_people_person_phone (workspace_id, phone);
