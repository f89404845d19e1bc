package io.herald.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.shared.feed.FeedWindow.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedWindowTest {

  @Test
  void contiguousIdsAreAllTaken() {
    assertThat(FeedWindow.safePrefix(10, List.of(new Row(11, false), new Row(12, false))))
        .isEqualTo(2);
  }

  @Test
  void stopsBeforeAHoleThatATransactionInFlightMayStillFill() {
    assertThat(
            FeedWindow.safePrefix(
                10, List.of(new Row(11, false), new Row(13, false), new Row(14, true))))
        .isEqualTo(1);
  }

  @Test
  void stopsAtAHoleRightAfterThePosition() {
    assertThat(FeedWindow.safePrefix(10, List.of(new Row(12, false)))).isZero();
  }

  @Test
  void passesAHoleOnceTheRowAfterItHasSettled() {
    assertThat(
            FeedWindow.safePrefix(
                10, List.of(new Row(12, true), new Row(13, false), new Row(20, false))))
        .isEqualTo(2);
  }

  @Test
  void nothingToReadIsNothingTaken() {
    assertThat(FeedWindow.safePrefix(0, List.of())).isZero();
  }
}
