package io.herald.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginStatus;
import io.herald.pluginhost.internal.fixtures.DuplicateIdFactory;
import io.herald.pluginhost.internal.fixtures.GoodFactory;
import io.herald.pluginhost.internal.fixtures.ThrowingConstructorFactory;
import io.herald.pluginhost.internal.fixtures.ThrowingDescriptorFactory;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class Pf4jPluginHostFactoriesTest extends Pf4jPluginHostTestBase {

  @Test
  void listsTheFactoriesOfStartedPlugins() {
    PluginDirs.classes(
        PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")), List.of(GoodFactory.class));

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
        PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")), List.of(GoodFactory.class));

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
        PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")), List.of(GoodFactory.class));

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
        PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")), List.of(GoodFactory.class));
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
        PluginDirs.plugin(root, "good", PluginDirs.descriptor("good")), List.of(GoodFactory.class));
    start();

    assertThatThrownBy(
            () -> host.createProvider(GoodFactory.ID, new ChannelConfig(Map.of("retries", "many"))))
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
