package io.herald.plugins.devoutbox;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.InvalidConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The {@code dev-outbox} email channel: accepts every well-formed message and sends nothing, so a
 * fresh installation can send email (visible in the delivery log) before anyone configures SMTP.
 * Malformed addresses are refused as permanent failures, as a real provider would refuse them.
 */
@Extension
public class DevOutboxChannelProviderFactory implements ChannelProviderFactory {

  /** The descriptor id of this channel. */
  public static final String ID = "dev-outbox";

  /** Setting: the sender used when a message names none (optional). */
  static final String DEFAULT_FROM = "default_from";

  /** Setting: how many of the latest messages the provider remembers. */
  static final String KEEP = "keep";

  /** The default of {@value #KEEP}. */
  static final int DEFAULT_KEEP = 100;

  /** The largest accepted {@value #KEEP}. */
  static final int MAX_KEEP = 10_000;

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID,
          ChannelKind.EMAIL,
          "Development outbox",
          "Accepts email without sending it anywhere; for development and the Quick start.");

  private static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .optional(
              DEFAULT_FROM,
              "Default sender",
              ConfigProperty.Type.STRING,
              "RFC 5322 address used when a message names no sender, e.g. Acme <hello@acme.test>.")
          .add(
              new ConfigProperty(
                  KEEP,
                  "Messages kept",
                  "How many of the latest messages are remembered in memory (0 to "
                      + MAX_KEEP
                      + ").",
                  ConfigProperty.Type.INTEGER,
                  false,
                  false,
                  Integer.toString(DEFAULT_KEEP),
                  List.of()))
          .build();

  /** Public no-argument constructor, as PF4J instantiates extensions. */
  public DevOutboxChannelProviderFactory() {}

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException {
    List<String> problems = new ArrayList<>();
    long keep;
    try {
      keep = config.getLong(KEEP, DEFAULT_KEEP);
    } catch (NumberFormatException e) {
      keep = -1;
    }
    if (keep < 0 || keep > MAX_KEEP) {
      problems.add(KEEP + ": must be a whole number from 0 to " + MAX_KEEP);
    }
    Optional<String> defaultFrom = config.get(DEFAULT_FROM).map(String::trim);
    if (defaultFrom.isPresent() && EmailAddresses.parse(defaultFrom.get()).isEmpty()) {
      problems.add(DEFAULT_FROM + ": is not a valid email address");
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new DevOutboxChannelProvider(defaultFrom.orElse(""), (int) keep, context);
  }
}
