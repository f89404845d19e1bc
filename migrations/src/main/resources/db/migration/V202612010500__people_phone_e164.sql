-- The phone attribute in E.164 form (people module, PeopleService.findByPhoneNumber): spaces,
-- brackets, dots, slashes and hyphens dropped, a leading 00 read as +, a missing + added; NULL when
-- the result is not E.164. Inbound SMS and WhatsApp senders (STOP, START, replies) are matched on
-- it, so "+1 (555) 010-0123" is found by +15550100123. Not unique: two spellings of one number may
-- belong to two people.
ALTER TABLE people_person ADD COLUMN phone_e164 VARCHAR(16) NULL;
ALTER TABLE people_person ADD KEY ix_people_person_phone_e164 (workspace_id, phone_e164);
UPDATE people_person
   SET phone_e164 = CONCAT('+', REGEXP_REPLACE(REGEXP_REPLACE(phone, '[[:space:]()./-]', ''), '^([+]|00)', ''))
 WHERE phone IS NOT NULL
   AND REGEXP_REPLACE(REGEXP_REPLACE(phone, '[[:space:]()./-]', ''), '^([+]|00)', '') REGEXP '^[1-9][0-9]{1,14}$';
