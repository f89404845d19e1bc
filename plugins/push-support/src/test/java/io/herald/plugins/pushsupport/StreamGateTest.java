package io.herald.plugins.pushsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One stream until the first answer, then the full width; failures without an answer keep it
 * narrow.
 */
class StreamGateTest {

  @Test
  void oneStreamUntilTheFirstAnswerThenAll() throws Exception {
    StreamGate gate = new StreamGate(1, 4);

    assertThat(gate.enter(Duration.ZERO)).isTrue();
    assertThat(gate.enter(Duration.ZERO)).isFalse();
    gate.leave(true);

    for (int i = 0; i < 4; i++) {
      assertThat(gate.enter(Duration.ZERO)).as("stream %d", i).isTrue();
    }
    assertThat(gate.enter(Duration.ZERO)).isFalse();
    for (int i = 0; i < 4; i++) {
      gate.leave(true);
    }
    assertThat(gate.available()).isEqualTo(4);
  }

  @Test
  void aFailedRequestDoesNotOpenTheGate() throws Exception {
    StreamGate gate = new StreamGate(1, 4);

    assertThat(gate.enter(Duration.ZERO)).isTrue();
    gate.leave(false);

    assertThat(gate.available()).isEqualTo(1);
  }

  @Test
  void refusesAnImpossibleWidth() {
    assertThatThrownBy(() -> new StreamGate(0, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StreamGate(5, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
