package io.herald.segments.internal;

import io.herald.segments.api.SegmentState;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.ConditionJson;
import io.herald.segments.internal.realtime.SegmentRebuilds;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Stores data segments, each write in its own transaction: the workspace's segments are locked
 * first (so the cycle and reference checks see every committed tree and no concurrent one), the
 * tree is checked against them, the segment is written, and a full rebuild is requested in the same
 * transaction.
 */
@ApplicationScoped
public class DataSegmentWriter {

  @Inject SegmentRepository segments;

  @Inject SegmentRebuilds rebuilds;

  @Inject Clock clock;

  /**
   * Creates a data segment and asks for its first computation.
   *
   * @throws io.herald.segments.api.condition.InvalidConditionException when a segment leaf names no
   *     segment of the workspace
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public SegmentView create(long workspaceId, SegmentFields fields, ConditionDocument conditions) {
    SegmentGraph.of(segments.lockAll(workspaceId)).check(Optional.empty(), conditions);
    Segment segment =
        Segment.data(
            workspaceId,
            fields.name(),
            fields.description(),
            ConditionJson.toJson(conditions).toString(),
            conditions.version(),
            clock.instant());
    segments.add(segment);
    rebuilds.request(new WorkspaceId(workspaceId), segment.id());
    return segment.view().withState(SegmentState.BUILDING);
  }

  /**
   * Redefines a data segment; a rebuild is requested only when the conditions changed. Empty when
   * the workspace has no data segment with this id.
   *
   * @throws io.herald.segments.api.condition.InvalidConditionException when a segment leaf names no
   *     segment of the workspace, the segment itself, or a segment that depends on it
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<SegmentView> update(
      long workspaceId, long segmentId, SegmentFields fields, ConditionDocument conditions) {
    List<Segment> all = segments.lockAll(workspaceId);
    Optional<Segment> found =
        all.stream().filter(s -> s.id() == segmentId && !s.isManual()).findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SegmentGraph.of(all).check(Optional.of(segmentId), conditions);
    Segment segment = found.get();
    String json = ConditionJson.toJson(conditions).toString();
    boolean changed = !json.equals(segment.conditions());
    segment.redefine(
        fields.name(), fields.description(), json, conditions.version(), clock.instant());
    segments.flush();
    if (!changed) {
      return Optional.of(segment.view());
    }
    rebuilds.request(new WorkspaceId(workspaceId), segmentId);
    return Optional.of(segment.view().withState(SegmentState.BUILDING));
  }
}
