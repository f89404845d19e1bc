package io.herald.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.api.OutboundMessage;
import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginInfo;
import io.herald.pluginhost.api.PluginStatus;
import io.herald.pluginhost.internal.fixtures.DuplicateIdFactory;
import io.herald.pluginhost.internal.fixtures.FailingStartPlugin;
import io.herald.pluginhost.internal.fixtures.GoodFactory;
import io.herald.pluginhost.internal.fixtures.ThrowingConstructorFactory;
import io.herald.pluginhost.internal.fixtures.ThrowingDescriptorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pf4jPluginHostTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

  @TempDir Path root;

  private Pf4jPluginHost host;

  private Pf4jPluginHost start(Path dir) {
    host = new Pf4jPluginHost(dir, CLOCK, "1.0.0");
    host.start();
    return host;
  }

  private Pf4jPluginHost start() {
    return start(root);
  }

  @AfterEach
  void stopHost() {
    if (host != null) {
      host.stop();
    }
  }

  private PluginInfo plugin(String id) {
    return host.plugins().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no plugin " + id + " in " + host.plugins()));
  }

  private static Map<String, String> requiring(String id, String requires) {
    Map<String, String> descriptor = PluginDirs.descriptor(id);
    descriptor.put("plugin.requires", requires);
    return descriptor;
  }

  private static OutboundMessage message(String key) {
    return new OutboundMessage(key, ChannelKind.SMS, "+15550100", "", "hi", null, null);
  }

  @Nested
  class Lifecycle {

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
          PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")),
          List.of(GoodFactory.class));
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

  @Nested
  class Compatibility {

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
        assertThat(plugin("future").reason())
            .isEqualTo("requires >=2.0.0, host plugin API is 1.0.0");
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

  @Nested
  class BrokenPlugins {

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

  @Nested
  class Factories {

    @Test
    void listsTheFactoriesOfStartedPlugins() {
      PluginDirs.classes(
          PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")),
          List.of(GoodFactory.class));

      start();

      assertThat(plugin("good").status()).isEqualTo(PluginStatus.STARTED);
      assertThat(plugin("good").channelProviders()).containsExactly(GoodFactory.ID);
      assertThat(host.channelProviders())
          .singleElement()
          .satisfies(
              info -> {
                assertThat(info.pluginId()).isEqualTo("good");
                assertThat(info.descriptor().kind()).isEqualTo(ChannelKind.SMS);
                assertThat(info.configSchema().property("sender")).isPresent();
              });
    }

    @Test
    void theFactoryComesFromThePluginsOwnClassLoader() {
      PluginDirs.classes(
          PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")),
          List.of(GoodFactory.class));

      start();

      assertThat(host.factory(GoodFactory.ID))
          .hasValueSatisfying(
              factory -> {
                assertThat(factory.getClass().getName()).isEqualTo(GoodFactory.class.getName());
                assertThat(factory.getClass()).isNotSameAs(GoodFactory.class);
                assertThat(factory.getClass().getClassLoader())
                    .isInstanceOf(org.pf4j.PluginClassLoader.class);
              });
    }

    @Test
    void aFactoryThatThrowsFailsItsPluginOnly() {
      PluginDirs.classes(
          PluginDirs.plugin(root, "bad", PluginDirs.descriptor("bad")),
          List.of(ThrowingDescriptorFactory.class));
      PluginDirs.classes(
          PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")),
          List.of(GoodFactory.class));

      start();

      assertThat(plugin("bad").status()).isEqualTo(PluginStatus.FAILED);
      assertThat(plugin("bad").reason())
          .isEqualTo(
              "channel provider factory "
                  + ThrowingDescriptorFactory.class.getName()
                  + " failed: descriptor exploded");
      assertThat(plugin("good").status()).isEqualTo(PluginStatus.STARTED);
      assertThat(host.channelProviders())
          .extracting(ChannelProviderInfo::pluginId)
          .containsExactly("good");
    }

    @Test
    void aFactoryThatCannotBeInstantiatedFailsItsPlugin() {
      PluginDirs.classes(
          PluginDirs.plugin(root, "bad", PluginDirs.descriptor("bad")),
          List.of(ThrowingConstructorFactory.class));

      start();

      assertThat(plugin("bad").status()).isEqualTo(PluginStatus.FAILED);
      assertThat(plugin("bad").reason())
          .startsWith("channel provider factory " + ThrowingConstructorFactory.class.getName());
    }

    @Test
    void aDuplicateChannelProviderIdFailsTheLaterPlugin() {
      PluginDirs.classes(
          PluginDirs.plugin(root, "a-first", PluginDirs.descriptor("a-first")),
          List.of(GoodFactory.class));
      PluginDirs.classes(
          PluginDirs.plugin(root, "b-second", PluginDirs.descriptor("b-second")),
          List.of(DuplicateIdFactory.class));

      start();

      assertThat(plugin("a-first").status()).isEqualTo(PluginStatus.STARTED);
      assertThat(plugin("b-second").status()).isEqualTo(PluginStatus.FAILED);
      assertThat(plugin("b-second").reason())
          .isEqualTo("channel provider id 'fixture-good' is already provided by plugin 'a-first'");
      assertThat(host.channelProviders())
          .extracting(ChannelProviderInfo::pluginId)
          .containsExactly("a-first");
    }

    @Test
    void createProviderValidatesFillsDefaultsAndLendsThePluginContext() throws Exception {
      PluginDirs.classes(
          PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")),
          List.of(GoodFactory.class));
      start();

      try (LogCapture log = new LogCapture("herald.plugin.good");
          ChannelProvider provider =
              host.createProvider(GoodFactory.ID, new ChannelConfig(Map.of("sender", "HERALD")))) {
        DeliveryResult result = provider.send(message("k-1"));

        assertThat(result)
            .isEqualTo(DeliveryResult.accepted("3:HERALD:2026-03-04T05:06:07Z:PluginClassLoader"));
        assertThat(log.messages(Level.INFO)).containsExactly("fixture send k-1");
      }
    }

    @Test
    void createProviderRejectsSettingsThatFailTheSchema() {
      PluginDirs.classes(
          PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")),
          List.of(GoodFactory.class));
      start();

      assertThatThrownBy(
              () ->
                  host.createProvider(GoodFactory.ID, new ChannelConfig(Map.of("retries", "many"))))
          .isInstanceOfSatisfying(
              InvalidConfigException.class,
              e ->
                  assertThat(e.problems())
                      .containsExactlyInAnyOrder(
                          "sender: is required", "retries: must be a whole number"));
    }

    @Test
    void createProviderRejectsAnUnknownId() {
      start();

      assertThatThrownBy(() -> host.createProvider("nope", new ChannelConfig(Map.of())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no started channel provider 'nope'");
    }
  }
}
