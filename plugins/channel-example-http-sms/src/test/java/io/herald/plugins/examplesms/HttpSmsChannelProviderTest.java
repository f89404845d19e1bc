package io.herald.plugins.examplesms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.TestPluginContext;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 5 of the walk-through: the exact request, and every answer mapped to a result. */
class HttpSmsChannelProviderTest {

  private static final String KEY = "example-key-7f3a9c";

  private Gateway gateway;
  private TestPluginContext context;
  private ChannelProvider provider;

  @BeforeEach
  void start() throws Exception {
    gateway = new Gateway();
    context = new TestPluginContext("channel-example-http-sms");
    provider = create(Map.of("timeout_seconds", "1"));
  }

  @AfterEach
  void stop() {
    provider.close();
    gateway.close();
  }

  private ChannelProvider create(Map<String, String> extra) throws InvalidConfigException {
    Map<String, String> values = new HashMap<>(Map.of("url", gateway.url(), "api_key", KEY));
    values.putAll(extra);
    return new HttpSmsChannelProviderFactory().create(new ChannelConfig(values), context);
  }

  private static OutboundMessage sms(String to, String text) {
    return OutboundMessage.builder("delivery-42", ChannelKind.SMS, to).body(text).build();
  }

  @Test
  void postsTheMessageAsJsonWithTheBearerKeyAndTheIdempotencyKey() throws Exception {
    provider = create(Map.of("sender", "Acme"));

    DeliveryResult result = provider.send(sms("+4915112345678", "Say \"hi\"\nbye"));

    assertThat(result).isEqualTo(DeliveryResult.accepted("gw-1"));
    Gateway.Request r = gateway.requests().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v1/sms");
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(r.header("Idempotency-Key")).isEqualTo("delivery-42");
    assertThat(r.body())
        .isEqualTo(
            "{\"to\":\"+4915112345678\",\"text\":\"Say \\\"hi\\\"\\nbye\","
                + "\"from\":\"Acme\",\"reference\":\"delivery-42\"}");
  }

  @Test
  void aMessagesOwnSenderWinsOverTheSetting() throws Exception {
    provider = create(Map.of("sender", "Acme"));

    provider.send(
        OutboundMessage.builder("k", ChannelKind.SMS, "+15005550006")
            .body("x")
            .from("+15005550001")
            .build());

    assertThat(gateway.requests().get(0).body()).contains("\"from\":\"+15005550001\"");
  }

  @Test
  void aRateLimitWaitsAsLongAsTheGatewaySays() {
    gateway.answer(429, Map.of("Retry-After", "7"), "{\"error\":\"slow down\"}");

    assertThat(provider.send(sms("+15005550006", "x")))
        .isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(7)));
  }

  @Test
  void serverErrorsAndSilenceAreRetried() {
    gateway.answer(503, Map.of(), "maintenance");
    assertThat(provider.send(sms("+15005550006", "x")))
        .isEqualTo(
            DeliveryResult.retryable(
                "the gateway failed: 503 maintenance", Duration.ofSeconds(30)));

    gateway.answer(202, Map.of(), "");
    assertThat(provider.send(sms("+15005550006", "x")))
        .isInstanceOf(DeliveryResult.RetryableFailure.class);

    gateway.answerSlowly(3_000);
    assertThat(provider.send(sms("+15005550006", "x")))
        .isInstanceOf(DeliveryResult.RetryableFailure.class)
        .extracting(r -> ((DeliveryResult.RetryableFailure) r).reason())
        .asString()
        .contains("HttpTimeoutException");
  }

  @Test
  void otherClientErrorsArePermanentWithTheGatewaysWords() {
    gateway.answer(400, Map.of(), "{\"error\":\"unknown sender\"}");

    assertThat(provider.send(sms("+15005550006", "x")))
        .isEqualTo(
            DeliveryResult.permanent(
                "the gateway refused the message: 400 {\"error\":\"unknown sender\"}"));
  }

  @Test
  void badNumbersAndEmptyTextNeverReachTheGateway() {
    assertThat(provider.send(sms("015112345678", "x")))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(provider.send(sms("+15005550006", " ")))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void theApiKeyIsNeverLogged() {
    gateway.close();
    provider.send(sms("+15005550006", "x"));

    assertThat(context.loggedMessages()).isNotEmpty().noneMatch(line -> line.contains(KEY));
  }

  @Test
  void settingsAreCheckedBeyondTheSchema() throws IOException {
    HttpSmsChannelProviderFactory factory = new HttpSmsChannelProviderFactory();

    assertThatThrownBy(
            () ->
                factory.create(
                    new ChannelConfig(
                        Map.of("url", "ftp://x/sms", "api_key", KEY, "timeout_seconds", "0")),
                    context))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("url: must be an http or https URL")
        .hasMessageContaining("timeout_seconds: must be a whole number from 1 to 60");
  }
}
