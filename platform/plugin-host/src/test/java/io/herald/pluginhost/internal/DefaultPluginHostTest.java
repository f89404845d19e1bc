package io.herald.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.PluginApi;
import io.herald.pluginhost.api.PluginStatus;
import io.herald.pluginhost.internal.fixtures.GoodFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPluginHostTest {

  @TempDir Path root;

  @Test
  void loadsAtApplicationStartAndStopsAtShutdown() throws Exception {
    PluginDirs.classes(
        PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")), List.of(GoodFactory.class));
    DefaultPluginHost host = new DefaultPluginHost(root.toString(), Pf4jPluginHostTestBase.CLOCK);

    assertThat(host.ready()).isFalse();
    host.onApplicationStart(new Object());

    assertThat(host.ready()).isTrue();
    assertThat(host.pluginApiVersion()).isEqualTo(PluginApi.VERSION);
    assertThat(host.pluginsDirectory()).isEqualTo(root.toAbsolutePath().toString());
    assertThat(host.plugins()).singleElement().extracting("status").isEqualTo(PluginStatus.STARTED);
    assertThat(host.channelProviders()).hasSize(1);
    host.createProvider(GoodFactory.ID, new ChannelConfig(Map.of("sender", "S"))).close();

    host.onShutdown();

    assertThat(host.ready()).isFalse();
    assertThat(host.channelProviders()).isEmpty();
  }

  @Test
  void aRelativeDirectoryIsResolvedAgainstTheWorkingDirectory() {
    DefaultPluginHost host = new DefaultPluginHost("plugins", Pf4jPluginHostTestBase.CLOCK);

    assertThat(host.pluginsDirectory()).isEqualTo(Path.of("plugins").toAbsolutePath().toString());
  }

  @Test
  void aHostThatCannotStartLogsAndStaysUnready() throws Exception {
    Path file = Files.writeString(root.resolve("a-file"), "x");
    DefaultPluginHost host =
        new DefaultPluginHost(file.resolve("plugins").toString(), Pf4jPluginHostTestBase.CLOCK);

    try (LogCapture log = new LogCapture("io.herald.pluginhost")) {
      host.onApplicationStart(new Object());

      assertThat(host.ready()).isFalse();
      assertThat(log.messages(Level.SEVERE))
          .singleElement()
          .asString()
          .startsWith("Plugin host did not start");
    }
    host.onShutdown();
  }
}
