package io.herald.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.pluginhost.api.PluginStatus;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostReadinessCheckTest {

  @TempDir Path root;

  @Test
  void isDownUntilThePluginsAreLoaded() {
    Pf4jPluginHost host = new Pf4jPluginHost(root, Pf4jPluginHostTestBase.CLOCK, "1.0.0");

    HealthCheckResponse response = new PluginHostReadinessCheck(host).call();

    assertThat(response.getName()).isEqualTo("plugin-host");
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(response.getData()).contains(Map.of("plugins", 0L, "started", 0L));
  }

  @Test
  void isUpWhenLoadedEvenWithRefusedPluginsAndCountsThem() {
    PluginDirs.plugin(root, "plain", PluginDirs.descriptor("plain"));
    Map<String, String> future = PluginDirs.descriptor("future");
    future.put("plugin.requires", ">=2.0.0");
    PluginDirs.plugin(root, "future", future);
    Pf4jPluginHost host = new Pf4jPluginHost(root, Pf4jPluginHostTestBase.CLOCK, "1.0.0");
    host.start();

    try {
      HealthCheckResponse response = new PluginHostReadinessCheck(host).call();

      assertThat(host.plugins())
          .extracting("status")
          .containsExactly(PluginStatus.INCOMPATIBLE, PluginStatus.STARTED);
      assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
      assertThat(response.getData()).contains(Map.of("plugins", 2L, "started", 1L));
    } finally {
      host.stop();
    }
  }
}
