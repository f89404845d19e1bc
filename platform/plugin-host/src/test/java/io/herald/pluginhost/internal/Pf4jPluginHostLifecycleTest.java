package io.herald.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.pluginhost.api.PluginInfo;
import io.herald.pluginhost.api.PluginStatus;
import io.herald.pluginhost.internal.fixtures.GoodFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class Pf4jPluginHostLifecycleTest extends Pf4jPluginHostTestBase {

  @Test
  void createsAMissingPluginsDirectoryAndIsReadyWithNoPlugins() {
    Path dir = root.resolve("not/there/yet");

    start(dir);

    assertThat(dir).isDirectory();
    assertThat(host.ready()).isTrue();
    assertThat(host.plugins()).isEmpty();
    assertThat(host.channelProviders()).isEmpty();
    assertThat(host.pluginsDirectory()).isEqualTo(dir.toAbsolutePath().normalize().toString());
    assertThat(host.pluginApiVersion()).isEqualTo("1.0.0");
  }

  @Test
  void isNotReadyBeforeStart() {
    host = new Pf4jPluginHost(root, CLOCK, "1.0.0");

    assertThat(host.ready()).isFalse();
    assertThat(host.plugins()).isEmpty();
  }

  @Test
  void failsToStartWhenThePluginsDirectoryCannotBeCreated() throws Exception {
    Path file = Files.writeString(root.resolve("a-file"), "x");
    host = new Pf4jPluginHost(file.resolve("plugins"), CLOCK, "1.0.0");

    assertThatThrownBy(host::start).hasMessageContaining("cannot create plugins directory");
    assertThat(host.ready()).isFalse();
  }

  @Test
  void stopStopsPluginsAndWithdrawsTheirProviders() {
    PluginDirs.classes(
        PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")), List.of(GoodFactory.class));
    start();

    host.stop();
    host.stop();

    assertThat(host.ready()).isFalse();
    assertThat(plugin("good").status()).isEqualTo(PluginStatus.STOPPED);
    assertThat(host.channelProviders()).isEmpty();
    assertThat(host.factory(GoodFactory.ID)).isEmpty();
  }

  @Test
  void stopStopsEveryStartedPluginWithoutWarnings() {
    PluginDirs.plugin(root, "one", PluginDirs.descriptor("one"));
    PluginDirs.plugin(root, "two", PluginDirs.descriptor("two"));
    PluginDirs.plugin(root, "three", PluginDirs.descriptor("three"));
    start();

    try (LogCapture log = new LogCapture("io.herald.pluginhost")) {
      host.stop();

      assertThat(log.messages(Level.WARNING)).isEmpty();
    }
    assertThat(host.plugins())
        .extracting(PluginInfo::status)
        .containsExactly(PluginStatus.STOPPED, PluginStatus.STOPPED, PluginStatus.STOPPED);
  }

  @Test
  void startingTwiceLoadsOnce() {
    PluginDirs.plugin(root, "plain", PluginDirs.descriptor("plain"));
    start();

    host.start();

    assertThat(host.plugins()).extracting(PluginInfo::id).containsExactly("plain");
  }
}
