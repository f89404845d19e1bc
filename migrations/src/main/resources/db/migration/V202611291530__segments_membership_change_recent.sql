-- Recent enters and exits per segment (segments module, issue #4): the console's segment list
-- shows each segment's growth over the last 7 days (io.herald.segments.api.MembershipHistory),
-- counted from segments_membership_change. This index lets that count read only the period's
-- changes of each segment (and `entered` without touching rows), not the segment's whole log, which
-- is never pruned and grows by a row per person at every full rebuild.
ALTER TABLE segments_membership_change
  ADD KEY ix_segments_membership_change_recent (segment_id, changed_at, entered);
