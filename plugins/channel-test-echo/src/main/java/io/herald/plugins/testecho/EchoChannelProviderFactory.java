package io.herald.plugins.testecho;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.InvalidConfigException;
import java.util.List;
import org.pf4j.Extension;

/**
 * The {@code test-echo} channel: accepts every message and answers with {@code prefix +
 * idempotencyKey} as the provider message id, so tests can see that a message went through a loaded
 * plugin. With {@code failEvery = N} every Nth send is a retryable failure.
 */
@Extension
public class EchoChannelProviderFactory implements ChannelProviderFactory {

  /** The descriptor id of this channel. */
  public static final String ID = "test-echo";

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID, ChannelKind.WEBHOOK, "Test echo", "Echoes every message back; for tests only.");

  private static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .required(
              "prefix",
              "Prefix",
              ConfigProperty.Type.STRING,
              "Prepended to the idempotency key to form the provider message id.")
          .optional(
              "failEvery",
              "Fail every Nth send",
              ConfigProperty.Type.INTEGER,
              "When set to N > 0, every Nth send returns a retryable failure.")
          .secret("token", "Token", "A dummy credential; the provider never logs or returns it.")
          .build();

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
    long failEvery = config.getLong("failEvery", 0);
    if (failEvery < 0) {
      throw new InvalidConfigException(List.of("failEvery: must be zero or more"));
    }
    return new EchoChannelProvider(
        config.require("prefix"), failEvery, config.require("token"), context);
  }
}
