package io.herald.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * The extension point a channel plugin implements (annotate the class with PF4J's
 * {@code @Extension}). One factory instance exists per plugin; it describes the provider, declares
 * its settings and creates configured providers. Factories hold no per-instance state.
 */
public interface ChannelProviderFactory extends ExtensionPoint {

  /** What this factory provides. Must be cheap and constant. */
  ChannelDescriptor descriptor();

  /** The settings {@link #create} accepts. Must be cheap and constant. */
  ConfigSchema configSchema();

  /**
   * Creates a provider for validated settings. The host has already checked {@code config} against
   * {@link #configSchema()}; a factory may still refuse values it cannot use.
   *
   * @param config validated settings, secrets decrypted
   * @param context what the host lends the provider
   * @return a ready provider; the host closes it when the settings change or the plugin stops
   * @throws InvalidConfigException when a value is well-formed but unusable
   */
  ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException;
}
