package io.herald.segments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.SegmentType;
import io.herald.segments.api.WriteOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Data-driven segments refuse manual writes (they cannot be created through the API yet, so the
 * container test cannot reach this path).
 */
class SegmentWriterTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** Knows one data-driven segment, 7, in workspace 1; fails on any write. */
  private static final class OneDataSegment extends SegmentRepository {
    @Override
    Optional<Segment> find(long workspaceId, long segmentId) {
      return workspaceId == 1 && segmentId == 7
          ? Optional.of(new Segment(1, "active", null, SegmentType.DATA, NOW))
          : Optional.empty();
    }

    @Override
    void remove(Segment segment) {
      throw new AssertionError("a data-driven segment was deleted");
    }
  }

  private static SegmentWriter writer() {
    SegmentWriter writer = new SegmentWriter();
    writer.segments = new OneDataSegment();
    writer.memberships = null; // never reached: refusals come first
    writer.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return writer;
  }

  @Test
  void dataDrivenSegmentsRefuseManualMembershipAndDeletion() {
    assertThat(writer().add(1, 7, List.of("c1")).outcome()).isEqualTo(WriteOutcome.NOT_MANUAL);
    assertThat(writer().remove(1, 7, List.of("c1")).outcome()).isEqualTo(WriteOutcome.NOT_MANUAL);
    assertThat(writer().delete(1, 7)).isEqualTo(WriteOutcome.NOT_MANUAL);
  }

  @Test
  void segmentsOfOtherWorkspacesAreUnknown() {
    assertThat(writer().add(2, 7, List.of("c1")).outcome()).isEqualTo(WriteOutcome.NO_SUCH_SEGMENT);
    assertThat(writer().delete(1, 8)).isEqualTo(WriteOutcome.NO_SUCH_SEGMENT);
  }

  @Test
  void theWireNameOfADataDrivenSegmentIsCustomerIos() {
    assertThat(new Segment(1, "a", null, SegmentType.DATA, NOW).type().wireName())
        .isEqualTo("dynamic");
    assertThat(new Segment(1, "a", null, SegmentType.MANUAL, NOW).type().wireName())
        .isEqualTo("manual");
  }
}
