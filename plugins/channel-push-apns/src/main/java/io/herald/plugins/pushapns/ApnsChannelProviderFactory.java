package io.herald.plugins.pushapns;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.InvalidConfigException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.pf4j.Extension;

/**
 * The {@code push-apns} channel: push notifications to Apple devices through APNs over HTTP/2 with
 * token-based authentication. One provider per app (bundle id) and environment. See the plugin's
 * README for the settings, the payload mapping and the error mapping.
 */
@Extension
public class ApnsChannelProviderFactory implements ChannelProviderFactory {

  /** The descriptor id of this channel. */
  public static final String ID = "push-apns";

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID,
          ChannelKind.PUSH,
          "Push (Apple Push Notification service)",
          "Sends push notifications to iOS, iPadOS and macOS apps through APNs over HTTP/2 with a"
              + " .p8 signing key.");

  private final Optional<SSLContext> tls;

  /** Public no-argument constructor, as PF4J instantiates extensions: the JDK's trust store. */
  public ApnsChannelProviderFactory() {
    this(Optional.empty());
  }

  /**
   * For tests only: TLS through {@code tls} (one that trusts a local test server's certificate).
   * Not reachable from settings, so no operator can turn certificate checks off.
   */
  ApnsChannelProviderFactory(Optional<SSLContext> tls) {
    this.tls = tls;
  }

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return ApnsSchema.SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException {
    return new ApnsChannelProvider(ApnsSettings.from(config), context, new ObjectMapper(), tls);
  }
}
