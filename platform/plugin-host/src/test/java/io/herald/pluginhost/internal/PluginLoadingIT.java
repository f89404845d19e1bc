package io.herald.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.PluginApi;
import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginInfo;
import io.herald.pluginhost.api.PluginStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

/**
 * Loads the real, Maven-built {@code channel-test-echo} zip (copied to {@code target/it-plugins} by
 * the build) the way the application does: plugins directory, PF4J expansion, {@code
 * plugin.requires} against the current plugin API version, extensions from the plugin's own class
 * loader.
 */
class PluginLoadingIT {

  private static final String PLUGIN_ID = "channel-test-echo";
  private static final String ECHO_FACTORY =
      "io.herald.plugins.testecho.EchoChannelProviderFactory";
  private static final ChannelConfig CONFIG =
      new ChannelConfig(Map.of("prefix", "echo-", "token", "it-token-0123456789"));

  private static Path echoZip;

  @TempDir Path pluginsDir;

  private Pf4jPluginHost host;

  @BeforeAll
  static void findTheBuiltZip() {
    echoZip = Path.of(System.getProperty("herald.it.echo-plugin-zip", "missing"));
    assertThat(echoZip)
        .as("zip copied by maven-dependency-plugin in pre-integration-test")
        .isRegularFile();
  }

  @AfterEach
  void stopHost() {
    if (host != null) {
      host.stop();
    }
  }

  private Pf4jPluginHost start() {
    host = new Pf4jPluginHost(pluginsDir, Pf4jPluginHostTestBase.CLOCK, PluginApi.VERSION);
    host.start();
    return host;
  }

  private PluginInfo plugin(String id) {
    return host.plugins().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no plugin " + id + " in " + host.plugins()));
  }

  private static OutboundMessage message(String key) {
    return new OutboundMessage(
        key, ChannelKind.WEBHOOK, "https://hooks.example.com", "", "{}", Map.of(), Map.of());
  }

  @Test
  void theBuildChecksAgainstThePluginApiVersionOfThisReactor() {
    assertThat(PluginApi.VERSION).isEqualTo(System.getProperty("herald.it.plugin-api-version"));
  }

  @Test
  void theEchoPluginStartsAndListsItsChannelProvider() throws Exception {
    Files.copy(echoZip, pluginsDir.resolve("channel-test-echo.zip"));

    start();

    assertThat(host.ready()).isTrue();
    assertThat(host.plugins()).extracting(PluginInfo::id).containsExactly(PLUGIN_ID);
    PluginInfo echo = plugin(PLUGIN_ID);
    assertThat(echo.status()).isEqualTo(PluginStatus.STARTED);
    assertThat(echo.reason()).isEmpty();
    assertThat(echo.provider()).isEqualTo("Herald");
    assertThat(echo.requires()).isEqualTo(">=1.4.0 & <2.0.0");
    assertThat(echo.version()).isNotBlank();
    assertThat(echo.channelProviders())
        .containsExactlyInAnyOrder(
            "test-echo",
            "test-echo-sms",
            "test-echo-push",
            "test-echo-whatsapp",
            "test-echo-in-app");
    assertThat(host.channelProviders())
        .filteredOn(info -> info.descriptor().id().equals("test-echo"))
        .singleElement()
        .satisfies(
            info -> {
              assertThat(info.pluginId()).isEqualTo(PLUGIN_ID);
              assertThat(info.descriptor().kind()).isEqualTo(ChannelKind.WEBHOOK);
              assertThat(info.configSchema().properties())
                  .extracting(ConfigProperty::name)
                  .containsExactly("prefix", "failEvery", "token");
            });
  }

  @Test
  void theLoadedFactoryCreatesAProviderThatEchoes() throws Exception {
    Files.copy(echoZip, pluginsDir.resolve("channel-test-echo.zip"));
    start();

    ChannelProviderFactory factory = host.factory("test-echo").orElseThrow();
    try (ChannelProvider provider = factory.create(CONFIG, host.contextFor(PLUGIN_ID))) {
      assertThat(provider.send(message("delivery-1")))
          .isEqualTo(DeliveryResult.accepted("echo-delivery-1"));
    }
    try (ChannelProvider provider = host.createProvider("test-echo", CONFIG)) {
      assertThat(provider.send(message("delivery-2")))
          .isEqualTo(DeliveryResult.accepted("echo-delivery-2"));
    }
  }

  @Test
  void thePluginClassesComeFromItsZipNotFromTheHostClassPath() throws Exception {
    Files.copy(echoZip, pluginsDir.resolve("channel-test-echo.zip"));
    start();

    ChannelProviderFactory factory = host.factory("test-echo").orElseThrow();

    assertThat(factory.getClass().getName()).isEqualTo(ECHO_FACTORY);
    assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
    assertThat(ChannelProviderFactory.class.getClassLoader())
        .isSameAs(PluginLoadingIT.class.getClassLoader());
    assertThatThrownBy(() -> Class.forName(ECHO_FACTORY))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void aCopyThatRequiresTheNextMajorIsIncompatibleAndUnused() throws Exception {
    rewriteDescriptor(
        echoZip, pluginsDir.resolve("channel-test-echo-next.zip"), "plugin.requires", ">=2.0.0");

    start();

    PluginInfo echo = plugin(PLUGIN_ID);
    assertThat(echo.status()).isEqualTo(PluginStatus.INCOMPATIBLE);
    assertThat(echo.requires()).isEqualTo(">=2.0.0");
    assertThat(echo.reason())
        .isEqualTo("requires >=2.0.0, host plugin API is " + PluginApi.VERSION)
        .contains(">=2.0.0", PluginApi.VERSION);
    assertThat(echo.channelProviders()).isEmpty();
    assertThat(host.channelProviders()).extracting(ChannelProviderInfo::pluginId).isEmpty();
    assertThat(host.factory("test-echo")).isEmpty();
    assertThatThrownBy(() -> host.createProvider("test-echo", CONFIG))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void corruptAndDescriptorlessZipsAreFailedWhileTheEchoPluginStarts() throws Exception {
    Files.copy(echoZip, pluginsDir.resolve("channel-test-echo.zip"));
    Files.write(pluginsDir.resolve("corrupt.zip"), new byte[] {'P', 'K', 0, 0, 1, 2, 3, 4});
    rewriteDescriptor(echoZip, pluginsDir.resolve("no-descriptor.zip"), null, null);

    start();

    assertThat(host.ready()).isTrue();
    assertThat(plugin(PLUGIN_ID).status()).isEqualTo(PluginStatus.STARTED);
    assertThat(plugin("corrupt").status()).isEqualTo(PluginStatus.FAILED);
    assertThat(plugin("corrupt").reason())
        .isEqualTo("cannot expand corrupt.zip: not a zip archive, or empty");
    assertThat(plugin("no-descriptor").status()).isEqualTo(PluginStatus.FAILED);
    assertThat(plugin("no-descriptor").reason()).startsWith("No PluginDescriptorFinder for plugin");
    assertThat(host.channelProviders())
        .extracting(info -> info.descriptor().id())
        .containsExactly(
            "test-echo",
            "test-echo-in-app",
            "test-echo-push",
            "test-echo-sms",
            "test-echo-whatsapp");
  }

  @Test
  void stoppingTheHostStopsThePlugin() throws Exception {
    Files.copy(echoZip, pluginsDir.resolve("channel-test-echo.zip"));
    start();

    host.stop();

    assertThat(host.ready()).isFalse();
    assertThat(plugin(PLUGIN_ID).status()).isEqualTo(PluginStatus.STOPPED);
    assertThat(host.channelProviders()).isEmpty();
  }

  /**
   * Copies a plugin zip, setting {@code key} to {@code value} in its plugin.properties, or leaving
   * plugin.properties out when {@code key} is null.
   */
  private static void rewriteDescriptor(Path source, Path target, String key, String value)
      throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (entry.getName().equals("plugin.properties")) {
          if (key == null) {
            continue;
          }
          content = withProperty(new ByteArrayInputStream(content), key, value);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(content);
        out.closeEntry();
      }
    }
  }

  private static byte[] withProperty(InputStream descriptor, String key, String value)
      throws IOException {
    Properties properties = new Properties();
    properties.load(descriptor);
    properties.setProperty(key, value);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = bytes) {
      properties.store(out, null);
    }
    return bytes.toByteArray();
  }
}
