package io.herald.segments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.segments.api.SegmentInUseException;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.WriteOutcome;
import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.SegmentCondition;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data segments refuse manual membership writes; deletion refuses segments others name. */
class SegmentWriterTest {

  private final FakeSegmentRepository repository =
      new FakeSegmentRepository(
          Segments.manual(1, 5),
          Segments.data(1, 6, ConditionDocument.of(new DeviceCondition("ios", null))),
          Segments.data(
              1,
              7,
              ConditionDocument.of(
                  new All(List.of(new SegmentCondition(5), new SegmentCondition(6))))),
          Segments.data(1, 8, ConditionDocument.of(new SegmentCondition(6))));

  private SegmentWriter writer() {
    SegmentWriter writer = new SegmentWriter();
    writer.segments = repository;
    writer.memberships = null; // never reached: refusals come first
    writer.clock = Clock.fixed(Segments.NOW, ZoneOffset.UTC);
    return writer;
  }

  @Test
  void dataDrivenSegmentsRefuseManualMembership() {
    assertThat(writer().add(1, 7, List.of("c1")).outcome()).isEqualTo(WriteOutcome.NOT_MANUAL);
    assertThat(writer().remove(1, 7, List.of("c1")).outcome()).isEqualTo(WriteOutcome.NOT_MANUAL);
  }

  @Test
  void aSegmentNoOtherNamesIsDeletedManualOrData() {
    assertThat(writer().delete(1, 7)).isEqualTo(WriteOutcome.DONE);
    assertThat(writer().delete(1, 5)).isEqualTo(WriteOutcome.DONE);
    assertThat(repository.writes).containsExactly("lock 1", "remove 7", "lock 1", "remove 5");
  }

  @Test
  void aSegmentOthersNameIsNotDeleted() {
    assertThatThrownBy(() -> writer().delete(1, 6))
        .isInstanceOfSatisfying(
            SegmentInUseException.class,
            e -> assertThat(e.referencedBy()).extracting(s -> s.id()).containsExactly(7L, 8L))
        .hasMessage(
            "segment 6 is used by the conditions of segment 7 (data 7), segment 8 (data 8);"
                + " change those first");
    assertThat(repository.writes).containsExactly("lock 1");
    assertThat(repository.find(1, 6)).isPresent();
  }

  @Test
  void segmentsOfOtherWorkspacesAreUnknown() {
    assertThat(writer().add(2, 7, List.of("c1")).outcome()).isEqualTo(WriteOutcome.NO_SUCH_SEGMENT);
    assertThat(writer().delete(2, 5)).isEqualTo(WriteOutcome.NO_SUCH_SEGMENT);
    assertThat(writer().delete(1, 9)).isEqualTo(WriteOutcome.NO_SUCH_SEGMENT);
  }

  @Test
  void theWireNameOfADataDrivenSegmentIsCustomerIos() {
    assertThat(Segments.data(1, 1, ConditionDocument.of(new SegmentCondition(2))).type().wireName())
        .isEqualTo("dynamic");
    assertThat(Segments.manual(1, 1).type()).isEqualTo(SegmentType.MANUAL);
    assertThat(Segments.manual(1, 1).type().wireName()).isEqualTo("manual");
  }
}
