package io.herald.pluginhost.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ConfigSchema;
import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginHost;
import io.herald.pluginhost.api.PluginInfo;
import io.herald.pluginhost.api.PluginStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginResourceTest {

  private static final ChannelProviderInfo ECHO =
      new ChannelProviderInfo(
          "channel-test-echo",
          new ChannelDescriptor("test-echo", ChannelKind.WEBHOOK, "Test echo", "Echoes."),
          ConfigSchema.builder().build());

  /** A host with one started and one refused plugin. */
  private static final class FixedHost implements PluginHost {
    @Override
    public String pluginApiVersion() {
      return "1.0.0";
    }

    @Override
    public String pluginsDirectory() {
      return "/srv/herald/plugins";
    }

    @Override
    public List<PluginInfo> plugins() {
      return List.of(
          new PluginInfo(
              "channel-test-echo",
              "0.1.0",
              "Herald",
              "Echo",
              ">=1.0.0 & <2.0.0",
              PluginStatus.STARTED,
              "",
              List.of("test-echo")),
          new PluginInfo(
              "channel-next",
              "3.0.0",
              "Acme",
              "",
              ">=2.0.0",
              PluginStatus.INCOMPATIBLE,
              "requires >=2.0.0, host plugin API is 1.0.0",
              List.of()));
    }

    @Override
    public List<ChannelProviderInfo> channelProviders() {
      return List.of(ECHO);
    }

    @Override
    public boolean ready() {
      return true;
    }

    @Override
    public ChannelProvider createProvider(String channelProviderId, ChannelConfig config) {
      throw new AssertionError("PluginResource never creates providers");
    }
  }

  @Test
  void listsPluginsWithStatusReasonAndChannelProviders() {
    PluginResource resource = new PluginResource();
    resource.host = new FixedHost();

    JsonObject body = Json.createReader(new StringReader(resource.list())).readObject();

    assertThat(body.getString("plugin_api_version")).isEqualTo("1.0.0");
    assertThat(body.getString("plugins_dir")).isEqualTo("/srv/herald/plugins");
    assertThat(body.getJsonArray("plugins")).hasSize(2);
    JsonObject echo = body.getJsonArray("plugins").getJsonObject(0);
    assertThat(echo)
        .isEqualTo(
            Json.createObjectBuilder()
                .add("id", "channel-test-echo")
                .add("version", "0.1.0")
                .add("provider", "Herald")
                .add("description", "Echo")
                .add("requires", ">=1.0.0 & <2.0.0")
                .add("status", "STARTED")
                .add("reason", "")
                .add(
                    "channel_providers",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("id", "test-echo")
                                .add("kind", "WEBHOOK")
                                .add("display_name", "Test echo")))
                .build());
    JsonObject next = body.getJsonArray("plugins").getJsonObject(1);
    assertThat(next.getString("status")).isEqualTo("INCOMPATIBLE");
    assertThat(next.getString("reason")).isEqualTo("requires >=2.0.0, host plugin API is 1.0.0");
    assertThat(next.getJsonArray("channel_providers")).isEmpty();
  }
}
