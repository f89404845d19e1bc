package io.herald.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class HostChannelPluginContextTest {

  @Test
  void lendsThePluginIdTheClockAndAPluginLogger() {
    HostChannelPluginContext context =
        HostChannelPluginContext.forPlugin("channel-email-smtp", Pf4jPluginHostTestBase.CLOCK);

    assertThat(context.pluginId()).isEqualTo("channel-email-smtp");
    assertThat(context.clock()).isSameAs(Pf4jPluginHostTestBase.CLOCK);
    assertThat(context.logger().getName()).isEqualTo("herald.plugin.channel-email-smtp");
  }

  @Test
  void requiresEveryField() {
    System.Logger logger = System.getLogger("x");
    Clock clock = Pf4jPluginHostTestBase.CLOCK;

    assertThatThrownBy(() -> new HostChannelPluginContext(null, clock, logger))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new HostChannelPluginContext("p", null, logger))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new HostChannelPluginContext("p", clock, null))
        .isInstanceOf(NullPointerException.class);
  }
}
