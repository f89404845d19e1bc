package io.herald.pluginhost.rest;

import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginHost;
import io.herald.pluginhost.api.PluginInfo;
import io.herald.shared.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * App API {@code GET /v1/plugins}: every plugin in the plugins directory with its status and the
 * channel providers it contributes. Authentication is done by the App API's pre-matching filter.
 */
@Path("/v1/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

  @Inject PluginHost host;

  /** Lists the plugins: {@code {"plugin_api_version", "plugins_dir", "plugins": [...]}}. */
  @GET
  public String list() {
    return toJson(host).toString();
  }

  static JsonObject toJson(PluginHost host) {
    Map<String, ChannelProviderInfo> providers =
        host.channelProviders().stream()
            .collect(Collectors.toMap(p -> p.descriptor().id(), Function.identity(), (a, b) -> a));
    JsonArrayBuilder plugins = Jsons.createArrayBuilder();
    for (PluginInfo plugin : host.plugins()) {
      JsonArrayBuilder channelProviders = Jsons.createArrayBuilder();
      for (String id : plugin.channelProviders()) {
        ChannelProviderInfo provider = providers.get(id);
        if (provider != null) {
          channelProviders.add(
              Jsons.createObjectBuilder()
                  .add("id", id)
                  .add("kind", provider.descriptor().kind().name())
                  .add("display_name", provider.descriptor().displayName()));
        }
      }
      plugins.add(
          Jsons.createObjectBuilder()
              .add("id", plugin.id())
              .add("version", plugin.version())
              .add("provider", plugin.provider())
              .add("description", plugin.description())
              .add("requires", plugin.requires())
              .add("status", plugin.status().name())
              .add("reason", plugin.reason())
              .add("channel_providers", channelProviders));
    }
    return Jsons.createObjectBuilder()
        .add("plugin_api_version", host.pluginApiVersion())
        .add("plugins_dir", host.pluginsDirectory())
        .add("plugins", plugins)
        .build();
  }
}
