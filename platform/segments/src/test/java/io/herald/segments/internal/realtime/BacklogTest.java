package io.herald.segments.internal.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.segments.internal.realtime.Backlog.Found;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogTest {

  private static final Duration STEP = Duration.ofMillis(80);

  @Test
  void aLoopRestsOnlyOncePatienceFullBatchesCameInARow() {
    Backlog backlog = new Backlog(3, 0.5);

    assertThat(backlog.after(Found.FULL, STEP)).isZero();
    assertThat(backlog.after(Found.FULL, STEP)).isZero();
    assertThat(backlog.after(Found.FULL, STEP)).isZero();
    assertThat(backlog.after(Found.FULL, STEP)).isEqualTo(Duration.ofMillis(40));
    assertThat(backlog.after(Found.FULL, Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void aBatchThatIsNotFullEndsTheRestsAndTheCount() {
    Backlog backlog = new Backlog(2, 1.0);
    backlog.after(Found.FULL, STEP);
    backlog.after(Found.FULL, STEP);
    assertThat(backlog.after(Found.FULL, STEP)).isEqualTo(STEP);

    assertThat(backlog.after(Found.SOME, STEP)).as("caught up").isZero();
    assertThat(backlog.after(Found.FULL, STEP)).as("the count starts again").isZero();
    assertThat(backlog.after(Found.FULL, STEP)).isZero();
    assertThat(backlog.after(Found.NOTHING, STEP)).isZero();
    assertThat(backlog.after(Found.FULL, STEP)).isZero();
  }

  @Test
  void aRestOfZeroNeverRests() {
    Backlog backlog = new Backlog(1, 0);
    for (int i = 0; i < 5; i++) {
      assertThat(backlog.after(Found.FULL, STEP)).isZero();
    }
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new Backlog(0, 1)).hasMessageContaining("patience");
    assertThatThrownBy(() -> new Backlog(1, -0.1)).hasMessageContaining("rest");
    assertThatThrownBy(() -> new Backlog(1, Double.NaN)).hasMessageContaining("rest");
  }

  @Test
  void thePacedLoopSleepsWhatTheBacklogAsksAfterEachStepAndGoesOnWhileThereIsWork() {
    Backlog backlog = new Backlog(1, 1.0);
    Deque<Found> found = new ArrayDeque<>(List.of(Found.FULL, Found.FULL, Found.FULL, Found.SOME));
    long[] now = {0};
    List<Long> slept = new ArrayList<>();
    List<Boolean> goesOn = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      goesOn.add(
          RealtimeWorkers.paced(
              backlog,
              () -> {
                now[0] += 30_000_000; // each step takes 30 ms
                return found.isEmpty() ? Found.NOTHING : found.poll();
              },
              () -> now[0],
              slept::add));
    }

    assertThat(slept)
        .as("after the second and third full batch, as long as each took")
        .containsExactly(30L, 30L);
    assertThat(goesOn).containsExactly(true, true, true, true, false);
  }
}
