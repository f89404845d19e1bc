-- Objects change journal (#6): object -> object relationships are journaled too. A new or removed
-- link writes a row for each side: kind child_related / child_unrelated on the parent and
-- parent_related / parent_unrelated on the child, naming the object at the other end here. A
-- deleted object writes kind deleted, one row per person related to it (cio_id; the relationships
-- go with the object), or one with cio_id NULL when nobody was.
ALTER TABLE objects_change
  ADD COLUMN other_type_id        INT           NULL,
  ADD COLUMN other_object_id      VARCHAR(150)  NULL,
  ADD COLUMN other_cio_object_id  VARCHAR(32)   NULL;
