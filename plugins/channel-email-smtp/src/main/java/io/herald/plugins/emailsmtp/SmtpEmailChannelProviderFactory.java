package io.herald.plugins.emailsmtp;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.InvalidConfigException;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The {@code email-smtp} channel: email through one SMTP server with Jakarta Mail (Eclipse Angus).
 * Each provider keeps a pool of connections to its server; several servers mean several providers.
 * See the plugin's README for the settings, the error mapping and DKIM.
 */
@Extension
public class SmtpEmailChannelProviderFactory implements ChannelProviderFactory {

  /** The descriptor id of this channel. */
  public static final String ID = "email-smtp";

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID,
          ChannelKind.EMAIL,
          "Email (SMTP)",
          "Sends email through an SMTP server, with STARTTLS or TLS, SMTP AUTH and optional DKIM.");

  /** Public no-argument constructor, as PF4J instantiates extensions. */
  public SmtpEmailChannelProviderFactory() {}

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return EmailSmtpSchema.SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException {
    StreamProviderName.setUnlessSet();
    SmtpSettings settings = ContextClassLoader.ofPlugin(() -> SmtpSettings.from(config));
    Optional<DkimSettings> dkim = ContextClassLoader.ofPlugin(() -> DkimSettings.from(config));
    Optional<String> callbackSecret =
        config.get(EmailSmtpSchema.CALLBACK_SECRET).filter(s -> !s.isBlank());
    return new SmtpEmailChannelProvider(settings, dkim, callbackSecret, context);
  }
}
