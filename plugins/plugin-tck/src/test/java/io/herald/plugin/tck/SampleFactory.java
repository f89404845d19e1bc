package io.herald.plugin.tck;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import java.util.List;
import org.pf4j.Extension;

/**
 * A well-behaved factory for the TCK's own tests. With {@code leakSecret} it logs the API key on
 * every send, which the contract must catch; with {@code brokenCallbacks} it logs callback headers
 * and throws on an empty callback body. Its callbacks take a plain-text body {@code
 * delivered:<provider message id>}.
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
  private final boolean brokenCallbacks;

  /** The well-behaved variant, as PF4J instantiates it. */
  public SampleFactory() {
    this(false, false);
  }

  SampleFactory(boolean leakSecret) {
    this(leakSecret, false);
  }

  SampleFactory(boolean leakSecret, boolean brokenCallbacks) {
    this.leakSecret = leakSecret;
    this.brokenCallbacks = brokenCallbacks;
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
      public CallbackResult handleCallback(InboundCallback callback) {
        if (brokenCallbacks) {
          context
              .logger()
              .log(System.Logger.Level.INFO, "callback headers {0}", callback.headers());
          if (callback.bodyLength() == 0) {
            throw new IllegalArgumentException("empty body");
          }
        }
        String body = callback.bodyText();
        if (!body.startsWith("delivered:") || body.length() > 200) {
          return CallbackResult.rejected(400, "expected delivered:<id>");
        }
        return CallbackResult.accepted(
            List.of(
                DeliveryEvent.delivered(
                    body.substring("delivered:".length()).trim(), "", context.clock().instant())));
      }

      @Override
      public ProviderHealth health() {
        return ProviderHealth.up("sample");
      }
    };
  }
}
