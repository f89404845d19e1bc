package io.herald.plugins.slack;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.OutboundMessage;
import java.util.HashMap;
import java.util.Map;

/** Settings and messages for the Slack tests. */
final class SlackTestSupport {

  static final String BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
  static final String WEBHOOK_PATH = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";

  private SlackTestSupport() {}

  static Map<String, String> values(String baseUrl) {
    Map<String, String> values = new HashMap<>();
    values.put(SlackSchema.BOT_TOKEN, BOT_TOKEN);
    values.put(SlackSchema.WEBHOOK_URL, baseUrl + WEBHOOK_PATH);
    values.put(SlackSchema.BASE_URL, baseUrl);
    values.put(SlackSchema.WEBHOOK_BASE_URL, baseUrl + "/services/");
    values.put(SlackSchema.TIMEOUT_SECONDS, "2");
    return values;
  }

  static ChannelConfig config(String baseUrl) {
    return new ChannelConfig(values(baseUrl));
  }

  static OutboundMessage.Builder slack(String key, String recipient) {
    return OutboundMessage.builder(key, ChannelKind.SLACK, recipient);
  }
}
