package io.herald.plugin.tck;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import org.pf4j.Extension;

/**
 * A well-behaved factory for the TCK's own tests. With {@code leakSecret} it logs the API key on
 * every send, which the contract must catch.
 */
@Extension
public class SampleFactory implements ChannelProviderFactory {

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor("tck-sample", ChannelKind.SMS, "TCK sample", "For the TCK's tests.");
  private static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .required("sender", "Sender", ConfigProperty.Type.STRING, "")
          .secret("apiKey", "API key", "")
          .build();

  private final boolean leakSecret;

  /** The well-behaved variant, as PF4J instantiates it. */
  public SampleFactory() {
    this(false);
  }

  SampleFactory(boolean leakSecret) {
    this.leakSecret = leakSecret;
  }

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context) {
    String sender = config.require("sender");
    String apiKey = config.require("apiKey");
    return new ChannelProvider() {
      @Override
      public DeliveryResult send(OutboundMessage message) {
        if (leakSecret) {
          context.logger().log(System.Logger.Level.INFO, "sending with key {0}", apiKey);
        } else {
          context.logger().log(System.Logger.Level.INFO, "sending {0}", message.idempotencyKey());
        }
        return DeliveryResult.accepted(sender + "-" + message.idempotencyKey());
      }

      @Override
      public ProviderHealth health() {
        return ProviderHealth.up("sample");
      }
    };
  }
}
