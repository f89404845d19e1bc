package io.herald.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.pluginhost.api.PluginInfo;
import io.herald.pluginhost.api.PluginStatus;
import io.herald.pluginhost.internal.fixtures.GoodFactory;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class Pf4jPluginHostCompatibilityTest extends Pf4jPluginHostTestBase {

  @Test
  void startsAPluginWhoseRequiresMatches() {
    PluginDirs.plugin(root, "plain", PluginDirs.descriptor("plain"));

    start();

    assertThat(plugin("plain"))
        .isEqualTo(
            new PluginInfo(
                "plain",
                "1.2.3",
                "Tests",
                "Plugin plain",
                ">=1.0.0 & <2.0.0",
                PluginStatus.STARTED,
                "",
                List.of()));
  }

  @Test
  void refusesAPluginThatRequiresAnotherMajorVersionWithOneWarning() {
    PluginDirs.plugin(root, "future", requiring("future", ">=2.0.0"));

    try (LogCapture log = new LogCapture("io.herald.pluginhost")) {
      start();

      assertThat(plugin("future").status()).isEqualTo(PluginStatus.INCOMPATIBLE);
      assertThat(plugin("future").reason()).isEqualTo("requires >=2.0.0, host plugin API is 1.0.0");
      assertThat(log.messages(Level.WARNING))
          .containsExactly(
              "Plugin 'future' 1.2.3 not started, INCOMPATIBLE:"
                  + " requires >=2.0.0, host plugin API is 1.0.0");
    }
  }

  @Test
  void theExtensionsOfARefusedPluginAreNotUsed() {
    PluginDirs.classes(
        PluginDirs.plugin(root, "future", requiring("future", ">=2.0.0")),
        List.of(GoodFactory.class));

    start();

    assertThat(plugin("future").status()).isEqualTo(PluginStatus.INCOMPATIBLE);
    assertThat(plugin("future").channelProviders()).isEmpty();
    assertThat(host.channelProviders()).isEmpty();
    assertThat(host.factory(GoodFactory.ID)).isEmpty();
  }

  @Test
  void aBareVersionMeansAtLeastThatVersion() {
    PluginDirs.plugin(root, "same", requiring("same", "1.0.0"));
    PluginDirs.plugin(root, "newer", requiring("newer", "1.0.1"));

    start();

    assertThat(plugin("same").status()).isEqualTo(PluginStatus.STARTED);
    assertThat(plugin("newer").status()).isEqualTo(PluginStatus.INCOMPATIBLE);
    assertThat(plugin("newer").reason()).isEqualTo("requires 1.0.1, host plugin API is 1.0.0");
  }

  @Test
  void anUpperBoundBelowTheHostIsRefused() {
    PluginDirs.plugin(root, "old", requiring("old", ">=0.1.0 & <1.0.0"));

    start();

    assertThat(plugin("old").status()).isEqualTo(PluginStatus.INCOMPATIBLE);
    assertThat(plugin("old").reason())
        .isEqualTo("requires >=0.1.0 & <1.0.0, host plugin API is 1.0.0");
  }

  @Test
  void anInvalidExpressionIsRefusedWithoutStoppingOtherPlugins() {
    PluginDirs.plugin(root, "odd", requiring("odd", "banana"));
    PluginDirs.plugin(root, "plain", PluginDirs.descriptor("plain"));

    start();

    assertThat(plugin("odd").status()).isEqualTo(PluginStatus.INCOMPATIBLE);
    assertThat(plugin("odd").reason())
        .startsWith("requires banana, host plugin API is 1.0.0 (not a valid version expression");
    assertThat(plugin("plain").status()).isEqualTo(PluginStatus.STARTED);
  }

  @Test
  void aPluginWithoutRequiresIsAcceptedAsPf4jDoes() {
    Map<String, String> descriptor = PluginDirs.descriptor("loose");
    descriptor.remove("plugin.requires");
    PluginDirs.plugin(root, "loose", descriptor);

    start();

    assertThat(plugin("loose").status()).isEqualTo(PluginStatus.STARTED);
    assertThat(plugin("loose").requires()).isEqualTo("*");
  }
}
