package io.herald.webadmin.fakes;

import io.herald.segments.api.DataSegmentService;
import io.herald.segments.api.InvalidSegmentException;
import io.herald.segments.api.MembershipChange;
import io.herald.segments.api.SegmentDetails;
import io.herald.segments.api.SegmentPreview;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.InvalidConditionException;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Data segments stored in a {@link FakeSegments}, their conditions in a map. Previews answer what
 * {@link #previews} computes from the document; every previewed document is recorded. {@link
 * #refuseConditions} makes preview, create and update throw it, as the real service does for a tree
 * it cannot accept.
 */
public final class FakeDataSegments implements DataSegmentService {

  private final FakeSegments segments;
  public final Map<Long, ConditionDocument> conditions = new HashMap<>();
  public final Map<Long, List<MembershipChange>> changes = new HashMap<>();
  public final List<ConditionDocument> previewed = new ArrayList<>();
  public Function<ConditionDocument, SegmentPreview> previews =
      d -> new SegmentPreview(0, List.of());
  public InvalidConditionException refuseConditions;
  public int sampleSizeAsked;

  public FakeDataSegments(FakeSegments segments) {
    this.segments = segments;
  }

  @Override
  public SegmentView create(
      WorkspaceId workspace, String name, String description, ConditionDocument document) {
    check(name);
    SegmentView created = segments.add(name.trim(), SegmentType.DATA);
    SegmentView described =
        new SegmentView(
            created.id(),
            created.name(),
            description,
            SegmentType.DATA,
            Instant.EPOCH,
            Instant.EPOCH);
    segments.put(described);
    conditions.put(created.id(), document);
    return described;
  }

  @Override
  public Optional<SegmentView> update(
      WorkspaceId workspace,
      long segmentId,
      String name,
      String description,
      ConditionDocument document) {
    SegmentView old = segments.segments.get(segmentId);
    if (old == null || old.type() != SegmentType.DATA) {
      return Optional.empty();
    }
    check(name);
    SegmentView updated =
        new SegmentView(
            segmentId, name.trim(), description, SegmentType.DATA, old.createdAt(), Instant.EPOCH);
    segments.put(updated);
    conditions.put(segmentId, document);
    return Optional.of(updated);
  }

  private void check(String name) {
    if (refuseConditions != null) {
      throw refuseConditions;
    }
    if (name == null || name.isBlank()) {
      throw new InvalidSegmentException(List.of("segment.name is required"));
    }
  }

  @Override
  public Optional<ConditionDocument> conditions(WorkspaceId workspace, long segmentId) {
    return Optional.ofNullable(conditions.get(segmentId));
  }

  @Override
  public Optional<SegmentDetails> details(WorkspaceId workspace, long segmentId) {
    return segments
        .find(workspace, segmentId)
        .map(s -> new SegmentDetails(s, conditions(workspace, segmentId)));
  }

  @Override
  public List<SegmentDetails> allDetails(WorkspaceId workspace) {
    return segments.list(workspace).stream()
        .map(s -> new SegmentDetails(s, conditions(workspace, s.id())))
        .toList();
  }

  @Override
  public SegmentPreview preview(WorkspaceId workspace, ConditionDocument document, int sampleSize) {
    previewed.add(document);
    sampleSizeAsked = sampleSize;
    if (refuseConditions != null) {
      throw refuseConditions;
    }
    return previews.apply(document);
  }

  @Override
  public List<SegmentView> segmentsOf(WorkspaceId workspace, String cioId) {
    throw new AssertionError("not used by the segment pages");
  }

  @Override
  public Optional<List<MembershipChange>> recentChanges(
      WorkspaceId workspace, long segmentId, int limit) {
    if (!segments.segments.containsKey(segmentId)) {
      return Optional.empty();
    }
    return Optional.of(changes.getOrDefault(segmentId, List.of()).stream().limit(limit).toList());
  }
}
