package io.herald.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.pluginhost.api.PluginInfo;
import io.herald.pluginhost.api.PluginStatus;
import io.herald.pluginhost.internal.fixtures.FailingStartPlugin;
import io.herald.pluginhost.internal.fixtures.GoodFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class Pf4jPluginHostBrokenPluginsTest extends Pf4jPluginHostTestBase {

  @Test
  void aDirectoryWithoutDescriptorIsFailedAndTheOthersLoad() throws Exception {
    Files.createDirectories(root.resolve("no-descriptor/lib"));
    PluginDirs.plugin(root, "plain", PluginDirs.descriptor("plain"));

    start();

    assertThat(plugin("no-descriptor").status()).isEqualTo(PluginStatus.FAILED);
    assertThat(plugin("no-descriptor").reason()).contains("No PluginDescriptorFinder");
    assertThat(plugin("plain").status()).isEqualTo(PluginStatus.STARTED);
  }

  @Test
  void aFileThatIsNotAZipArchiveIsFailed() throws Exception {
    Files.writeString(root.resolve("garbage.zip"), "this is not a zip archive");

    start();

    assertThat(plugin("garbage").status()).isEqualTo(PluginStatus.FAILED);
    assertThat(plugin("garbage").reason())
        .isEqualTo("cannot expand garbage.zip: not a zip archive, or empty");
  }

  @Test
  void everyPluginThatDidNotStartGetsOneWarningLine() throws Exception {
    Files.writeString(root.resolve("garbage.zip"), "this is not a zip archive");
    Files.createDirectories(root.resolve("no-descriptor"));
    PluginDirs.plugin(root, "future", requiring("future", ">=2.0.0"));
    PluginDirs.plugin(root, "plain", PluginDirs.descriptor("plain"));

    try (LogCapture log = new LogCapture("io.herald.pluginhost")) {
      start();

      assertThat(log.messages(Level.WARNING))
          .hasSize(3)
          .anySatisfy(line -> assertThat(line).startsWith("Plugin 'garbage' not started, FAILED"))
          .anySatisfy(
              line -> assertThat(line).startsWith("Plugin 'no-descriptor' not started, FAILED"))
          .anySatisfy(
              line ->
                  assertThat(line).startsWith("Plugin 'future' 1.2.3 not started, INCOMPATIBLE"));
    }
  }

  @Test
  void aZipWithoutDescriptorIsFailed() throws Exception {
    Path content = Files.createDirectories(root.resolve("staging/lib"));
    Files.writeString(content.resolve("readme.txt"), "no plugin.properties here");
    Path plugins = Files.createDirectories(root.resolve("plugins"));
    PluginDirs.zip(root.resolve("staging"), plugins.resolve("bare.zip"));

    start(plugins);

    assertThat(plugin("bare").status()).isEqualTo(PluginStatus.FAILED);
    assertThat(plugin("bare").reason()).contains("No PluginDescriptorFinder");
  }

  @Test
  void aDescriptorWithoutVersionIsFailed() {
    Map<String, String> descriptor = PluginDirs.descriptor("unversioned");
    descriptor.remove("plugin.version");
    PluginDirs.plugin(root, "unversioned-dir", descriptor);

    start();

    assertThat(plugin("unversioned-dir").status()).isEqualTo(PluginStatus.FAILED);
    assertThat(plugin("unversioned-dir").reason()).isEqualTo("Field 'version' cannot be empty");
  }

  @Test
  void aSecondPluginWithTheSameIdIsFailed() {
    PluginDirs.plugin(root, "first", PluginDirs.descriptor("twin"));
    PluginDirs.plugin(root, "second", PluginDirs.descriptor("twin"));

    start();

    assertThat(host.plugins())
        .extracting(PluginInfo::status)
        .containsExactlyInAnyOrder(PluginStatus.STARTED, PluginStatus.FAILED);
    assertThat(host.plugins())
        .filteredOn(p -> p.status() == PluginStatus.FAILED)
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("same id (twin)"));
  }

  @Test
  void aPluginDisabledByTheOperatorIsStopped() throws Exception {
    PluginDirs.plugin(root, "off", PluginDirs.descriptor("off"));
    Files.writeString(root.resolve("disabled.txt"), "off\n");

    start();

    assertThat(plugin("off").status()).isEqualTo(PluginStatus.STOPPED);
    assertThat(plugin("off").reason()).isEqualTo("disabled by the operator");
  }

  @Test
  void aPluginWhoseStartThrowsIsFailedWithTheMessage() {
    Map<String, String> descriptor = PluginDirs.descriptor("crashy");
    descriptor.put("plugin.class", FailingStartPlugin.class.getName());
    PluginDirs.classes(
        PluginDirs.plugin(root, "crashy", descriptor),
        List.of(GoodFactory.class),
        FailingStartPlugin.class);

    start();

    assertThat(plugin("crashy").status()).isEqualTo(PluginStatus.FAILED);
    assertThat(plugin("crashy").reason()).isEqualTo("plugin start exploded");
    assertThat(host.channelProviders()).isEmpty();
  }

  @Test
  void aMissingPluginClassIsFailedWithAClearReason() {
    Map<String, String> descriptor = PluginDirs.descriptor("classless");
    descriptor.put("plugin.class", "com.example.Missing");
    PluginDirs.plugin(root, "classless", descriptor);

    start();

    assertThat(plugin("classless").status()).isEqualTo(PluginStatus.FAILED);
    assertThat(plugin("classless").reason())
        .isEqualTo("Cannot instantiate plugin class 'com.example.Missing'");
  }

  @Test
  void aPluginWithAMissingDependencyIsReportedNotDropped() {
    Map<String, String> descriptor = PluginDirs.descriptor("needy");
    descriptor.put("plugin.dependencies", "absent-plugin");
    PluginDirs.plugin(root, "needy", descriptor);
    PluginDirs.plugin(root, "plain", PluginDirs.descriptor("plain"));

    start();

    assertThat(plugin("needy").status()).isEqualTo(PluginStatus.FAILED);
    assertThat(plugin("needy").reason()).contains("plugin.dependencies");
    assertThat(plugin("plain").status()).isEqualTo(PluginStatus.STARTED);
  }
}
