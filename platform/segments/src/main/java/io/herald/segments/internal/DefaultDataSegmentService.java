package io.herald.segments.internal;

import io.herald.segments.api.DataSegmentService;
import io.herald.segments.api.MembershipChange;
import io.herald.segments.api.SegmentDetails;
import io.herald.segments.api.SegmentPreview;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.internal.sql.SegmentQueries;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Data segments: checks names and trees, stores through {@link DataSegmentWriter} (which asks for
 * the rebuild), previews through the SQL compiler ({@link SegmentQueries}) at the injected clock's
 * now in the workspace's time zone.
 */
@ApplicationScoped
public class DefaultDataSegmentService implements DataSegmentService {

  @Inject DataSegmentWriter writer;

  @Inject SegmentRepository segments;

  @Inject MembershipRepository memberships;

  @Inject SegmentQueries queries;

  @Inject WorkspaceService workspaces;

  @Inject Clock clock;

  @Override
  public SegmentView create(
      WorkspaceId workspace, String name, String description, ConditionDocument conditions) {
    Objects.requireNonNull(conditions, "conditions");
    SegmentFields fields = SegmentFields.of(name, description);
    return DeadlockRetry.run(() -> writer.create(workspace.value(), fields, conditions));
  }

  @Override
  public Optional<SegmentView> update(
      WorkspaceId workspace,
      long segmentId,
      String name,
      String description,
      ConditionDocument conditions) {
    Objects.requireNonNull(conditions, "conditions");
    SegmentFields fields = SegmentFields.of(name, description);
    return DeadlockRetry.run(() -> writer.update(workspace.value(), segmentId, fields, conditions));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ConditionDocument> conditions(WorkspaceId workspace, long segmentId) {
    return segments.find(workspace.value(), segmentId).flatMap(Segment::conditionDocument);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SegmentDetails> details(WorkspaceId workspace, long segmentId) {
    return segments.find(workspace.value(), segmentId).map(DefaultDataSegmentService::details);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SegmentDetails> allDetails(WorkspaceId workspace) {
    return segments.list(workspace.value()).stream()
        .map(DefaultDataSegmentService::details)
        .toList();
  }

  private static SegmentDetails details(Segment segment) {
    return new SegmentDetails(
        segment.view(),
        segment.type() == SegmentType.DATA ? segment.conditionDocument() : Optional.empty());
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public SegmentPreview preview(
      WorkspaceId workspace, ConditionDocument conditions, int sampleSize) {
    if (sampleSize < 0 || sampleSize > MAX_SAMPLE) {
      throw new IllegalArgumentException("sample must be from 0 to " + MAX_SAMPLE);
    }
    SegmentGraph.of(segments.list(workspace.value())).check(Optional.empty(), conditions);
    Instant now = clock.instant();
    ZoneId zone = workspaces.timeZone(workspace);
    long count = queries.count(workspace, conditions.root(), now, zone);
    List<String> sample =
        sampleSize == 0 || count == 0
            ? List.of()
            : queries.batch(workspace, conditions.root(), now, zone, 0, sampleSize).stream()
                .map(SegmentQueries.Match::cioId)
                .toList();
    return new SegmentPreview(count, sample);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SegmentView> segmentsOf(WorkspaceId workspace, String cioId) {
    return segments.ofPerson(workspace.value(), cioId).stream().map(Segment::view).toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<List<MembershipChange>> recentChanges(
      WorkspaceId workspace, long segmentId, int limit) {
    if (limit < 1 || limit > MAX_CHANGES) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_CHANGES);
    }
    if (segments.find(workspace.value(), segmentId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(memberships.recentChanges(segmentId, limit));
  }
}
