package io.herald.plugins.webhook;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.TestPluginContext;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/** Builds providers and messages for the webhook tests. */
final class WebhookTestSupport {

  /** Lets the WireMock tests reach the local server, which the default guard refuses. */
  static final String LOOPBACK_ALLOWED = "127.0.0.1/32, ::1/128";

  private WebhookTestSupport() {}

  static Map<String, String> loopbackConfig() {
    Map<String, String> values = new HashMap<>();
    values.put(WebhookSchema.ALLOWED_NETWORKS, LOOPBACK_ALLOWED);
    return values;
  }

  static WebhookChannelProvider provider(
      Map<String, String> values, TestPluginContext context, WebhookChannelProvider.Resolver dns)
      throws InvalidConfigException {
    return new WebhookChannelProvider(
        WebhookSettings.from(new ChannelConfig(values)),
        context,
        dns,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  static WebhookChannelProvider provider(Map<String, String> values, TestPluginContext context)
      throws InvalidConfigException {
    return provider(values, context, InetAddress::getAllByName);
  }

  static OutboundMessage.Builder webhook(String key, String url) {
    return OutboundMessage.builder(key, ChannelKind.WEBHOOK, url);
  }
}
