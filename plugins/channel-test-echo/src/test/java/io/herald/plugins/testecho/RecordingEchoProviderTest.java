package io.herald.plugins.testecho;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.OutboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingEchoProviderTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private final ChannelPluginContext context =
      new ChannelPluginContext() {
        @Override
        public String pluginId() {
          return "channel-test-echo";
        }

        @Override
        public Clock clock() {
          return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Override
        public System.Logger logger() {
          return System.getLogger("herald.plugin.channel-test-echo");
        }
      };

  private ChannelProvider provider() throws Exception {
    return new EchoPushProviderFactory()
        .create(
            new ChannelConfig(Map.of("prefix", "p-", "invalid", "gone, old", "token", "tok")),
            context);
  }

  @Test
  void descriptorsHaveOneIdPerKind() {
    assertThat(new EchoSmsProviderFactory().descriptor().id()).isEqualTo("test-echo-sms");
    assertThat(new EchoPushProviderFactory().descriptor().kind()).isEqualTo(ChannelKind.PUSH);
    assertThat(new EchoWhatsAppProviderFactory().descriptor().id()).isEqualTo("test-echo-whatsapp");
    assertThat(new EchoInAppProviderFactory().descriptor().id()).isEqualTo("test-echo-in-app");
  }

  @Test
  void acceptsWithAResponseAndRefusesInvalidRecipients() throws Exception {
    ChannelProvider p = provider();
    DeliveryResult ok =
        p.send(OutboundMessage.builder("d1", ChannelKind.PUSH, "tok-1").body("hi").build());
    assertThat(ok).isInstanceOf(DeliveryResult.Accepted.class);
    DeliveryResult.Accepted a = (DeliveryResult.Accepted) ok;
    assertThat(a.providerMessageId()).isEqualTo("p-d1");
    assertThat(a.response()).containsEntry("status", 202).containsEntry("recipient", "tok-1");
    assertThat(p.send(OutboundMessage.builder("d2", ChannelKind.PUSH, "old").build()))
        .isInstanceOf(DeliveryResult.InvalidRecipient.class);
  }

  @Test
  void theCallbackListsWhatWasSentAndReportsSenderEvents() throws Exception {
    ChannelProvider p = provider();
    Map<String, Object> payload = new java.util.LinkedHashMap<>();
    payload.put("badge", 2);
    payload.put("platform", "ios");
    p.send(
        OutboundMessage.builder("d1", ChannelKind.PUSH, "tok-1")
            .subject("T \"q\"")
            .body("line\nbreak")
            .payload(payload)
            .build());
    CallbackResult list = p.handleCallback(callback("GET", "sent", Map.of(), "tok"));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .isEqualTo(
            "{\"messages\":[{\"idempotency_key\":\"d1\",\"channel\":\"PUSH\",\"recipient\":"
                + "\"tok-1\",\"subject\":\"T \\\"q\\\"\",\"body\":\"line\\nbreak\",\"from\":\"\","
                + "\"metadata\":{},\"payload\":{\"badge\":2,\"platform\":\"ios\"}}]}");
    CallbackResult stop =
        p.handleCallback(
            callback(
                "POST",
                "events",
                Map.of("kind", "UNSUBSCRIBED", "from", "+1555", "text", "STOP"),
                "tok"));
    assertThat(stop.events()).containsExactly(DeliveryEvent.unsubscribed("+1555", "STOP", NOW));
    assertThat(p.handleCallback(callback("GET", "sent", Map.of(), "wrong")).status())
        .isEqualTo(401);
  }

  private static InboundCallback callback(
      String method, String subPath, Map<String, String> query, String token) {
    Map<String, List<String>> q = new java.util.TreeMap<>();
    query.forEach((k, v) -> q.put(k, List.of(v)));
    return new InboundCallback(
        method,
        subPath,
        Map.of("X-Echo-Token", List.of(token)),
        q,
        new byte[0],
        "",
        "127.0.0.1",
        "http://localhost/callbacks/x/" + subPath);
  }
}
