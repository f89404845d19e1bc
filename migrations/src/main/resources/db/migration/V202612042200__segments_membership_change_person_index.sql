-- segments_membership_change loses its per-person index (segments module, issue #4). No query reads
-- the journal by person: journeys' SegmentFeed reads it by id, the segment page's recent changes by
-- segment and id, the growth counts by segment and time. The index cost an insert at a random place
-- of a fourth B-tree for every enter and exit, the write a rebuild makes once per member and the
-- real-time engine once per change. A feature that reads one person's history adds it back.
ALTER TABLE segments_membership_change DROP KEY ix_segments_membership_change_person;
