package io.herald.plugins.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.tck.TestPluginContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Meta's webhook: the verification handshake, the signature on notifications, and the events read
 * from the payloads of the "Status messages" and "Messages" webhook references.
 */
class WhatsAppWebhookTest {

  private static final String METADATA =
      "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\""
          + WhatsAppTestSupport.PHONE_NUMBER_ID
          + "\"}";

  private final TestPluginContext context = new TestPluginContext("channel-whatsapp-cloud");
  private WhatsAppChannelProvider provider;

  @BeforeEach
  void setUp() throws Exception {
    provider =
        (WhatsAppChannelProvider)
            new WhatsAppChannelProviderFactory()
                .create(WhatsAppTestSupport.config("http://127.0.0.1:9"), context);
  }

  @AfterEach
  void tearDown() {
    provider.close();
  }

  private static InboundCallback get(Map<String, String> query) {
    Map<String, List<String>> params = new HashMap<>();
    query.forEach((k, v) -> params.put(k, List.of(v)));
    return new InboundCallback("GET", "", Map.of(), params, new byte[0], "", "", "");
  }

  private static InboundCallback post(String json, String signature) {
    Map<String, List<String>> headers =
        signature == null ? Map.of() : Map.of("X-Hub-Signature-256", List.of(signature));
    return new InboundCallback(
        "POST",
        "",
        headers,
        Map.of(),
        json.getBytes(StandardCharsets.UTF_8),
        "application/json",
        "",
        "");
  }

  private static String sign(String json, String secret) {
    return "sha256="
        + HexFormat.of()
            .formatHex(WhatsAppWebhook.hmac(secret, json.getBytes(StandardCharsets.UTF_8)));
  }

  private CallbackResult signed(String json) {
    return provider.handleCallback(post(json, sign(json, WhatsAppTestSupport.APP_SECRET)));
  }

  private static String notification(String valueFields) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
        + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
        + METADATA
        + ","
        + valueFields
        + "},\"field\":\"messages\"}]}]}";
  }

  @Test
  void theHandshakeAnswersTheChallengeOnlyForTheRightToken() {
    CallbackResult ok =
        provider.handleCallback(
            get(
                Map.of(
                    "hub.mode", "subscribe",
                    "hub.verify_token", WhatsAppTestSupport.VERIFY_TOKEN,
                    "hub.challenge", "1158201444")));
    CallbackResult wrong =
        provider.handleCallback(
            get(
                Map.of(
                    "hub.mode", "subscribe",
                    "hub.verify_token", "guess",
                    "hub.challenge", "1158201444")));
    CallbackResult missing =
        provider.handleCallback(get(Map.of("hub.mode", "subscribe", "hub.challenge", "1")));

    assertThat(ok).isEqualTo(new CallbackResult(200, "text/plain", "1158201444", List.of()));
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.body()).doesNotContain("1158201444");
    assertThat(missing.status()).isEqualTo(403);
  }

  @Test
  void withoutAVerifyTokenTheHandshakeIsRefused() throws Exception {
    Map<String, String> values =
        new HashMap<>(WhatsAppTestSupport.config("http://127.0.0.1:9").values());
    values.remove(WhatsAppSchema.VERIFY_TOKEN);
    values.remove(WhatsAppSchema.APP_SECRET);
    try (var bare =
        new WhatsAppChannelProviderFactory().create(new ChannelConfig(values), context)) {
      assertThat(
              bare.handleCallback(
                      get(
                          Map.of(
                              "hub.mode", "subscribe",
                              "hub.verify_token", "",
                              "hub.challenge", "5")))
                  .status())
          .isEqualTo(403);
      String json = notification("\"statuses\":[]");
      assertThat(bare.handleCallback(post(json, sign(json, "anything"))).status()).isEqualTo(403);
    }
  }

  @Test
  void aForgedOrMissingSignatureIsRefused() {
    String json =
        notification(
            "\"statuses\":[{\"id\":\""
                + WhatsAppTestSupport.WAMID
                + "\",\"status\":\"delivered\",\"timestamp\":\"1750263773\","
                + "\"recipient_id\":\"16505551234\"}]");

    CallbackResult forged = provider.handleCallback(post(json, sign(json, "not-the-app-secret")));
    CallbackResult missing = provider.handleCallback(post(json, null));
    CallbackResult tampered =
        provider.handleCallback(
            post(json.replace("delivered", "read"), sign(json, WhatsAppTestSupport.APP_SECRET)));

    assertThat(forged)
        .isEqualTo(CallbackResult.rejected(403, "X-Hub-Signature-256 does not match the body"));
    assertThat(missing).isEqualTo(CallbackResult.rejected(403, "missing X-Hub-Signature-256"));
    assertThat(tampered.status()).isEqualTo(403);
    assertThat(context.loggedMessages())
        .allSatisfy(line -> assertThat(line).doesNotContain(WhatsAppTestSupport.APP_SECRET));
  }

  @Test
  void statusesBecomeDeliveryEvents() {
    // Shapes from Meta's "Status messages webhook reference" (sent, delivered, read, failed).
    String json =
        notification(
            "\"statuses\":["
                + "{\"id\":\"wamid.A\",\"status\":\"sent\",\"timestamp\":\"1750263770\","
                + "\"recipient_id\":\"16505551234\",\"conversation\":{\"id\":\"c1\","
                + "\"origin\":{\"type\":\"utility\"}},\"pricing\":{\"billable\":true,"
                + "\"pricing_model\":\"PMP\",\"category\":\"utility\"}},"
                + "{\"id\":\"wamid.A\",\"status\":\"delivered\",\"timestamp\":\"1750263773\","
                + "\"recipient_id\":\"16505551234\"},"
                + "{\"id\":\"wamid.B\",\"status\":\"read\",\"timestamp\":\"1750263780\","
                + "\"recipient_id\":\"16505551234\"},"
                + "{\"id\":\"wamid.C\",\"status\":\"failed\",\"timestamp\":\"1750263790\","
                + "\"recipient_id\":\"16505551234\",\"errors\":[{\"code\":131047,"
                + "\"title\":\"Re-engagement message\",\"message\":\"Re-engagement message\","
                + "\"error_data\":{\"details\":\"Message failed to send because more than 24 hours"
                + " have passed since the customer last replied to this number.\"},"
                + "\"href\":\"https://developers.facebook.com/docs/whatsapp/cloud-api/support/"
                + "error-codes/\"}]},"
                + "{\"id\":\"wamid.D\",\"status\":\"failed\",\"timestamp\":\"1750263791\","
                + "\"recipient_id\":\"16505551234\",\"errors\":[{\"code\":131026,"
                + "\"title\":\"Message undeliverable\",\"error_data\":{\"details\":"
                + "\"Message Undeliverable.\"}}]}]");

    CallbackResult result = signed(json);

    String to = "+16505551234";
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.events())
        .containsExactly(
            DeliveryEvent.delivered("wamid.A", to, Instant.ofEpochSecond(1750263773)),
            DeliveryEvent.delivered("wamid.B", to, Instant.ofEpochSecond(1750263780)),
            DeliveryEvent.opened("wamid.B", to, Instant.ofEpochSecond(1750263780)),
            DeliveryEvent.failed(
                "wamid.C",
                to,
                "131047 free-form message outside the 24-hour window; use a template",
                Instant.ofEpochSecond(1750263790)),
            DeliveryEvent.failed(
                "wamid.D",
                to,
                "131026 Message undeliverable: Message Undeliverable.",
                Instant.ofEpochSecond(1750263791)));
  }

  @Test
  void inboundMessagesAreRepliesFromTheSendersNumber() {
    // Shapes from Meta's "Messages webhook reference": text, image with caption, audio, button.
    String json =
        notification(
            "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"16505551234\"}],"
                + "\"messages\":["
                + "{\"from\":\"16505551234\",\"id\":\"wamid.in1\",\"timestamp\":\"1749416383\","
                + "\"type\":\"text\",\"text\":{\"body\":\"STOP\"}},"
                + "{\"from\":\"16505551234\",\"id\":\"wamid.in2\",\"timestamp\":\"1749416384\","
                + "\"type\":\"image\",\"image\":{\"caption\":\"my receipt\","
                + "\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"id\":\"1003383421387256\"}},"
                + "{\"from\":\"16505551234\",\"id\":\"wamid.in3\",\"timestamp\":\"1749416385\","
                + "\"type\":\"audio\",\"audio\":{\"mime_type\":\"audio/ogg; codecs=opus\","
                + "\"sha256\":\"def\",\"id\":\"1003383421387257\",\"voice\":true}},"
                + "{\"from\":\"16505551234\",\"id\":\"wamid.in4\",\"timestamp\":\"1749416386\","
                + "\"type\":\"button\",\"button\":{\"payload\":\"yes\",\"text\":\"Yes please\"}}]");

    CallbackResult result = signed(json);

    String from = "+16505551234";
    assertThat(result.events())
        .containsExactly(
            DeliveryEvent.replied("wamid.in1", from, "STOP", Instant.ofEpochSecond(1749416383)),
            DeliveryEvent.replied(
                "wamid.in2", from, "my receipt", Instant.ofEpochSecond(1749416384)),
            DeliveryEvent.replied("wamid.in3", from, "[audio]", Instant.ofEpochSecond(1749416385)),
            DeliveryEvent.replied(
                "wamid.in4", from, "Yes please", Instant.ofEpochSecond(1749416386)));
  }

  @Test
  void otherNumbersAndOtherObjectsAreTakenWithoutEvents() {
    String otherNumber =
        notification(
                "\"statuses\":[{\"id\":\"wamid.X\",\"status\":\"delivered\","
                    + "\"timestamp\":\"1750263773\",\"recipient_id\":\"1\"}]")
            .replace(WhatsAppTestSupport.PHONE_NUMBER_ID, "999999999999");
    String page = "{\"object\":\"page\",\"entry\":[]}";

    assertThat(signed(otherNumber)).isEqualTo(CallbackResult.accepted(List.of()));
    assertThat(signed(page)).isEqualTo(CallbackResult.accepted(List.of()));
  }

  @Test
  void aSignedBodyThatIsNotJsonIsABadRequest() {
    assertThat(signed("{\"object\":").status()).isEqualTo(400);
    assertThat(signed("[1,2]").status()).isEqualTo(400);
    assertThat(
            provider
                .handleCallback(
                    new InboundCallback("PUT", "", Map.of(), Map.of(), new byte[0], "", "", ""))
                .status())
        .isEqualTo(405);
  }
}
