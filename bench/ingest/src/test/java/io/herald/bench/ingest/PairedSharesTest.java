package io.herald.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedSharesTest {

  @Test
  void eachCallWindowIsReadAgainstTheNoOpWindowsAroundIt() {
    // The machine slows down between windows: a share read against the first no-op window alone
    // would say 1,000 / 4,000 = 25%; against its neighbours each window is 1/3.
    PairedShares.Share share =
        new PairedShares.Share(
            List.of(4000.0, 2000.0, 4000.0, 2000.0),
            List.of(1000.0, 1000.0, 1000.0),
            List.of(10.0, 30.0, 20.0));

    assertThat(share.ratios()).containsExactly(1000.0 / 3000, 1000.0 / 3000, 1000.0 / 3000);
    assertThat(share.describe("Track identify", 64, Duration.ofSeconds(6)))
        .isEqualTo(
            "T2 Track identify, paired windows at 64 connections: median 33% of the neighbouring"
                + " no-op windows (target >= 30%), range 33-33% over 3 windows of 6 s; call"
                + " 1000/1000/1000 req/s, no-op 4000/2000/4000/2000 req/s; median p99 20.0 ms");
  }

  @Test
  void theMedianOfAnOddCountIsTheMiddleValueAndOfAnEvenCountTheMeanOfTheMiddleTwo() {
    assertThat(PairedShares.median(List.of(0.9, 0.1, 0.3))).isEqualTo(0.3);
    assertThat(PairedShares.median(List.of(0.4, 0.1, 0.3, 0.9))).isCloseTo(0.35, within(1e-12));
    assertThatThrownBy(() -> PairedShares.median(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyCallWindowNeedsANoOpWindowOnEachSide() {
    assertThatThrownBy(
            () ->
                new PairedShares.Share(
                    List.of(4000.0, 2000.0), List.of(1000.0, 1000.0), List.of(10.0, 20.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 no-op windows around 2 call windows");
  }

  @Test
  void noPairsOrNoTimeSkipsThePairedLines() {
    assertThat(new PairedShares.Plan(0, Duration.ofSeconds(6)).skipped()).isTrue();
    assertThat(new PairedShares.Plan(5, Duration.ZERO).skipped()).isTrue();
    assertThat(new PairedShares.Plan(5, Duration.ofSeconds(6)).skipped()).isFalse();
  }
}
