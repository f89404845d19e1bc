package io.herald.webadmin.segments;

import io.herald.people.api.PersonRef;
import io.herald.segments.api.MembershipResult;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.WriteOutcome;
import io.herald.workspace.api.WorkspaceId;
import java.util.List;

/**
 * Adds many people to a manual segment, {@link SegmentService#MAX_REFERENCES} references per call,
 * and totals what the calls did. Each call is a transaction of its own: when a later call is
 * refused (the segment was deleted meanwhile) the earlier ones stay applied and the rest count as
 * skipped.
 */
final class MemberChunks {

  private MemberChunks() {}

  static MembershipResult add(
      SegmentService segments, WorkspaceId workspace, long segmentId, List<PersonRef> refs) {
    int changed = 0;
    int unchanged = 0;
    int skipped = 0;
    for (int from = 0; from < refs.size(); from += SegmentService.MAX_REFERENCES) {
      List<PersonRef> chunk =
          refs.subList(from, Math.min(refs.size(), from + SegmentService.MAX_REFERENCES));
      MembershipResult result = segments.addMembers(workspace, segmentId, chunk);
      if (result.outcome() != WriteOutcome.DONE) {
        return new MembershipResult(
            result.outcome(), changed, unchanged, skipped + refs.size() - from);
      }
      changed += result.changed();
      unchanged += result.unchanged();
      skipped += result.skipped();
    }
    return new MembershipResult(WriteOutcome.DONE, changed, unchanged, skipped);
  }
}
