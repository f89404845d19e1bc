package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsTest {

  @Test
  void assignsTenThousandPeopleInTheConfiguredProportions() {
    int[] counts = new int[3];
    for (int i = 0; i < 10_000; i++) {
      counts[Splits.pick(42, "split", "cio" + i, List.of(20, 30, 50))]++;
    }
    // Binomial standard deviation at n = 10,000 is at most 50: 3 % is over 6 of them.
    assertThat(counts[0] / 10_000.0).isCloseTo(0.20, within(0.03));
    assertThat(counts[1] / 10_000.0).isCloseTo(0.30, within(0.03));
    assertThat(counts[2] / 10_000.0).isCloseTo(0.50, within(0.03));
  }

  @Test
  void aPersonAlwaysTakesTheSameBranchOfANode() {
    for (int i = 0; i < 100; i++) {
      int first = Splits.pick(7, "n", "p" + i, List.of(50, 50));
      assertThat(Splits.pick(7, "n", "p" + i, List.of(50, 50))).isEqualTo(first);
    }
  }

  @Test
  void zeroPercentBranchesGetNobody() {
    for (int i = 0; i < 1000; i++) {
      assertThat(Splits.pick(1, "n", "p" + i, List.of(0, 100, 0))).isEqualTo(1);
    }
  }

  @Test
  void aRandomDelayStaysWithinItsBoundsAndIsTheSameForTheRun() {
    Duration min = Duration.ofHours(1);
    Duration max = Duration.ofHours(3);
    long distinct =
        java.util.stream.LongStream.range(0, 200)
            .mapToObj(run -> Splits.between(run, "d", min, max))
            .peek(d -> assertThat(d).isBetween(min, max))
            .distinct()
            .count();
    assertThat(distinct).isGreaterThan(150);
    assertThat(Splits.between(5, "d", min, max)).isEqualTo(Splits.between(5, "d", min, max));
  }
}
