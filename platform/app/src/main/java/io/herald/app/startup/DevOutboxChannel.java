package io.herald.app.startup;

import io.herald.messaging.api.ChannelSettingInput;
import io.herald.messaging.api.ChannelSettings;
import io.herald.pluginhost.api.PluginHost;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the Quick start's ready workspace send email: at the first start on the embedded database
 * ({@code herald.db.embedded}, set by the launcher), the default workspace gets a default {@code
 * email} channel setting {@value #NAME} on the {@code dev-outbox} plugin, which accepts messages
 * and sends nothing, so sends show up in the delivery log. With an external database nothing is
 * created: production operators configure SMTP themselves.
 *
 * <p>Runs from {@link StartupSequence}, after the plugin host has loaded: the host starts its
 * plugins when the application scope is initialized, which Payara does before it constructs
 * {@code @Startup} singletons. A host that is not ready, or a missing or stopped {@code dev-outbox}
 * plugin, is reported in one INFO line and the workspace stays without an email channel.
 */
@ApplicationScoped
public class DevOutboxChannel {

  /** The setting's name, and the plugin factory's descriptor id. */
  static final String NAME = "dev-outbox";

  static final String PROVIDER = "dev-outbox";
  static final String CHANNEL = "email";

  private static final Logger LOG = Logger.getLogger(DevOutboxChannel.class.getName());

  private final ChannelSettings settings;
  private final PluginHost plugins;
  private final boolean embeddedDatabase;

  /** For CDI's client proxy only. */
  protected DevOutboxChannel() {
    this(null, null, false);
  }

  @Inject
  DevOutboxChannel(
      ChannelSettings settings,
      PluginHost plugins,
      @ConfigProperty(name = "herald.db.embedded", defaultValue = "false")
          boolean embeddedDatabase) {
    this.settings = settings;
    this.plugins = plugins;
    this.embeddedDatabase = embeddedDatabase;
  }

  /**
   * Creates the setting in {@code workspace}, which the first start just created, when the database
   * is embedded, the plugin is started and the workspace has no email channel yet.
   *
   * @return whether the setting was created
   */
  boolean setUp(WorkspaceId workspace) {
    if (!embeddedDatabase) {
      return false;
    }
    boolean started =
        plugins.ready()
            && plugins.channelProviders().stream()
                .anyMatch(p -> p.descriptor().id().equals(PROVIDER));
    if (!started) {
      LOG.info(
          () ->
              "the "
                  + PROVIDER
                  + " plugin is not started (plugins in "
                  + plugins.pluginsDirectory()
                  + "): the default workspace has no email channel until one is configured"
                  + " (PUT /v1/channel_settings/{name})");
      return false;
    }
    if (settings.list(workspace).stream().anyMatch(s -> s.channel().equals(CHANNEL))) {
      return false;
    }
    try {
      settings.save(
          workspace, new ChannelSettingInput(NAME, CHANNEL, PROVIDER, Map.of(), true, null));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not create the " + NAME + " email channel setting", e);
      return false;
    }
    LOG.info(
        "the default workspace's email goes to the development outbox (channel setting "
            + NAME
            + "): nothing is sent, deliveries show in the delivery log; configure SMTP to send"
            + " real email");
    return true;
  }
}
