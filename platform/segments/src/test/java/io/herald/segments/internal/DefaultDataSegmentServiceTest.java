package io.herald.segments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.segments.api.InvalidSegmentException;
import io.herald.segments.api.SegmentPreview;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.InvalidConditionException;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.segments.internal.sql.SegmentQueries;
import io.herald.workspace.api.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks before writes, and previews computed at the clock's now in the workspace's zone. */
class DefaultDataSegmentServiceTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final WorkspaceId WORKSPACE = new WorkspaceId(1);
  private static final ConditionDocument IOS =
      ConditionDocument.of(new DeviceCondition("ios", null));

  /** Answers 3 matches (c1, c2, c3) and records every call. */
  private static final class RecordingQueries implements SegmentQueries {
    final List<String> calls = new ArrayList<>();

    @Override
    public long count(WorkspaceId workspace, Condition condition, Instant now, ZoneId zone) {
      calls.add("count " + workspace.value() + " " + now + " " + zone);
      return 3;
    }

    @Override
    public List<Match> batch(
        WorkspaceId workspace,
        Condition condition,
        Instant now,
        ZoneId zone,
        long afterKey,
        int limit) {
      calls.add("batch " + now + " " + zone + " after " + afterKey + " limit " + limit);
      return List.of(new Match(1, "c1"), new Match(2, "c2"), new Match(3, "c3"))
          .subList(0, Math.min(3, limit));
    }

    @Override
    public List<Verdict> verdicts(
        WorkspaceId workspace,
        Condition condition,
        Instant now,
        ZoneId zone,
        long afterKey,
        int limit) {
      throw new AssertionError("a preview needs no verdicts");
    }
  }

  private final RecordingQueries queries = new RecordingQueries();
  private final FakeSegmentRepository repository =
      new FakeSegmentRepository(Segments.manual(1, 5), Segments.manual(2, 6));

  private DefaultDataSegmentService service() {
    DefaultDataSegmentService service = new DefaultDataSegmentService();
    service.segments = repository;
    service.queries = queries;
    service.workspaces = new ZoneOnlyWorkspaces(PARIS);
    service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    service.writer = null; // the checks below come before any write
    return service;
  }

  @Test
  void detailsGiveTheSegmentWithTheConditionsOfADataSegmentOnly() {
    repository.stored.add(Segments.data(1, 7, IOS));
    DefaultDataSegmentService service = service();

    assertThat(service.details(WORKSPACE, 7))
        .hasValueSatisfying(
            d -> {
              assertThat(d.segment().type()).isEqualTo(SegmentType.DATA);
              assertThat(d.segment().name()).isEqualTo("data 7");
              assertThat(d.conditions()).contains(IOS);
            });
    assertThat(service.details(WORKSPACE, 5))
        .hasValueSatisfying(
            d -> {
              assertThat(d.segment().type()).isEqualTo(SegmentType.MANUAL);
              assertThat(d.conditions()).isEmpty();
            });
    assertThat(service.details(WORKSPACE, 999)).as("unknown").isEmpty();
    assertThat(service.details(new WorkspaceId(2), 7)).as("another workspace's").isEmpty();
    assertThat(service.allDetails(WORKSPACE))
        .extracting(d -> d.segment().id() + " " + d.conditions().isPresent())
        .containsExactly("5 false", "7 true");
  }

  @Test
  void previewsCountAndSampleAtNowInTheWorkspaceZone() {
    SegmentPreview preview = service().preview(WORKSPACE, IOS, 2);
    assertThat(preview.count()).isEqualTo(3);
    assertThat(preview.sampleCioIds()).containsExactly("c1", "c2");
    assertThat(queries.calls)
        .containsExactly(
            "count 1 2026-03-01T12:00:00Z Europe/Paris",
            "batch 2026-03-01T12:00:00Z Europe/Paris after 0 limit 2");
  }

  @Test
  void aSampleOfNoneRunsOnlyTheCount() {
    SegmentPreview preview = service().preview(WORKSPACE, IOS, 0);
    assertThat(preview.count()).isEqualTo(3);
    assertThat(preview.sampleCioIds()).isEmpty();
    assertThat(queries.calls).hasSize(1);
  }

  @Test
  void previewsCheckSegmentLeavesAgainstTheWorkspaceBeforeQuerying() {
    assertThat(
            service().preview(WORKSPACE, ConditionDocument.of(new SegmentCondition(5)), 1).count())
        .isEqualTo(3);
    queries.calls.clear();
    assertThatThrownBy(
            () -> service().preview(WORKSPACE, ConditionDocument.of(new SegmentCondition(6)), 1))
        .isInstanceOf(InvalidConditionException.class)
        .hasMessage("$.condition.segment.id: no segment with id 6 in this workspace");
    assertThat(queries.calls).isEmpty();
  }

  @Test
  void sampleSizesAreBounded() {
    assertThatThrownBy(() -> service().preview(WORKSPACE, IOS, 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample must be from 0 to 100");
    assertThatThrownBy(() -> service().preview(WORKSPACE, IOS, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(queries.calls).isEmpty();
  }

  @Test
  void namesAreCheckedAsForManualSegments() {
    assertThatThrownBy(() -> service().create(WORKSPACE, " ", null, IOS))
        .isInstanceOf(InvalidSegmentException.class)
        .hasMessage("segment.name is required");
    assertThatThrownBy(() -> service().update(WORKSPACE, 5, "n".repeat(256), "d".repeat(1001), IOS))
        .isInstanceOf(InvalidSegmentException.class)
        .hasMessage(
            "segment.name is 256 characters; the limit is 255; "
                + "segment.description is 1001 characters; the limit is 1000");
  }

  @Test
  void recentChangesLimitsAreBoundedAndUnknownSegmentsAreEmpty() {
    assertThatThrownBy(() -> service().recentChanges(WORKSPACE, 5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be from 1 to 1000");
    assertThatThrownBy(() -> service().recentChanges(WORKSPACE, 5, 1001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(service().recentChanges(WORKSPACE, 6, 10)).isEmpty();
  }
}
