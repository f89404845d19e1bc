package io.herald.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestPluginContextTest {

  @Test
  void clockIsFixedAndLoggerIsNamedAfterThePlugin() {
    TestPluginContext context = new TestPluginContext("channel-x");

    assertThat(context.pluginId()).isEqualTo("channel-x");
    assertThat(context.clock().instant()).isEqualTo(TestPluginContext.FIXED_INSTANT);
    assertThat(context.logger().getName()).isEqualTo("herald.plugin.channel-x");
  }

  @Test
  void anotherClockCanBeGiven() {
    Clock clock = Clock.fixed(Instant.parse("2030-05-06T07:08:09Z"), ZoneOffset.UTC);

    assertThat(new TestPluginContext("p", clock).clock()).isSameAs(clock);
  }

  @Test
  void recordsFormattedMessagesSuppliersAndThrowables() {
    TestPluginContext context = new TestPluginContext("p");
    System.Logger logger = context.logger();

    logger.log(Level.INFO, "sent {0} to {1}", "k-1", "+1555");
    logger.log(Level.DEBUG, () -> "lazy line");
    logger.log(Level.WARNING, "send failed", new IllegalStateException("boom"));
    logger.log(Level.ERROR, "plain {0}");

    assertThat(context.loggedMessages())
        .containsExactly(
            "sent k-1 to +1555",
            "lazy line",
            "send failed java.lang.IllegalStateException: boom",
            "plain {0}");
    assertThat(context.logLines())
        .extracting(TestPluginContext.LogLine::level)
        .containsExactly(Level.INFO, Level.DEBUG, Level.WARNING, Level.ERROR);
  }

  @Test
  void throwableCausesAreRecorded() {
    TestPluginContext context = new TestPluginContext("p");

    context
        .logger()
        .log(
            Level.ERROR,
            "failed",
            new RuntimeException("outer", new IllegalArgumentException("x")));

    assertThat(context.loggedMessages().get(0))
        .isEqualTo(
            "failed java.lang.RuntimeException: outer caused by"
                + " java.lang.IllegalArgumentException: x");
  }
}
