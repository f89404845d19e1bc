package io.herald.webadmin.plugins;

import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginHost;
import io.herald.pluginhost.api.PluginInfo;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Plugins: the plugin API version, where plugins load from, each plugin's state and providers. */
@Named
@RequestScoped
public class PluginsPage {

  @Inject PluginHost pluginHost;

  private List<PluginInfo> plugins = List.of();
  private List<ChannelProviderInfo> channelProviders = List.of();

  @PostConstruct
  void load() {
    plugins = pluginHost.plugins();
    channelProviders = pluginHost.channelProviders();
  }

  public String getPluginApiVersion() {
    return pluginHost.pluginApiVersion();
  }

  public String getPluginsDirectory() {
    return pluginHost.pluginsDirectory();
  }

  public List<PluginInfo> getPlugins() {
    return plugins;
  }

  public List<ChannelProviderInfo> getChannelProviders() {
    return channelProviders;
  }
}
