package io.herald.plugins.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.TestPluginContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exact requests the Cloud API requires ("Messages" reference, "Send messages" guide), and how
 * its documented answers map to results.
 */
class WhatsAppSendTest {

  @RegisterExtension
  static final WireMockExtension GRAPH =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final TestPluginContext context = new TestPluginContext("channel-whatsapp-cloud");
  private WhatsAppChannelProvider provider;

  @BeforeEach
  void setUp() throws Exception {
    provider =
        (WhatsAppChannelProvider)
            new WhatsAppChannelProviderFactory()
                .create(WhatsAppTestSupport.config(GRAPH.baseUrl()), context);
    answer(200, WhatsAppTestSupport.SUCCESS, null);
  }

  @AfterEach
  void tearDown() {
    provider.close();
  }

  private void answer(int status, String body, String retryAfter) {
    var response =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withBody(body);
    if (retryAfter != null) {
      response = response.withHeader("Retry-After", retryAfter);
    }
    GRAPH.stubFor(post(urlEqualTo(WhatsAppTestSupport.MESSAGES_PATH)).willReturn(response));
  }

  private void verifySent(String json) {
    GRAPH.verify(
        1,
        postRequestedFor(urlEqualTo(WhatsAppTestSupport.MESSAGES_PATH))
            .withHeader("Authorization", equalTo("Bearer " + WhatsAppTestSupport.TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson(json)));
  }

  @Test
  void aTextMessage() {
    DeliveryResult result =
        provider.send(
            WhatsAppTestSupport.whatsapp("k-1", "+16505551234").body("Your order shipped").build());

    assertThat(result).isEqualTo(DeliveryResult.accepted(WhatsAppTestSupport.WAMID));
    verifySent(
        "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
            + "\"to\":\"+16505551234\",\"type\":\"text\",\"text\":{\"body\":\"Your order shipped\"}}");
  }

  @Test
  void aTemplateMessageWithComponents() {
    List<Object> components =
        List.of(
            Map.of(
                "type",
                "body",
                "parameters",
                List.of(
                    Map.of("type", "text", "text", "Ada"), Map.of("type", "text", "text", "42"))),
            Map.of(
                "type",
                "button",
                "sub_type",
                "url",
                "index",
                "0",
                "parameters",
                List.of(Map.of("type", "text", "text", "order-42"))));

    provider.send(
        WhatsAppTestSupport.whatsapp("k-2", "+16505551234")
            .payload(
                Map.of(
                    "type",
                    "template",
                    "template",
                    Map.of("name", "order_update", "language", "en_US", "components", components)))
            .build());

    verifySent(
        "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
            + "\"to\":\"+16505551234\",\"type\":\"template\",\"template\":{\"name\":\"order_update\","
            + "\"language\":{\"code\":\"en_US\"},\"components\":["
            + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ada\"},"
            + "{\"type\":\"text\",\"text\":\"42\"}]},"
            + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\","
            + "\"parameters\":[{\"type\":\"text\",\"text\":\"order-42\"}]}]}}");
  }

  @Test
  void aTemplateWithoutTypeAndMetasLanguageObject() {
    provider.send(
        WhatsAppTestSupport.whatsapp("k-3", "+16505551234")
            .payload(
                Map.of("template", Map.of("name", "hello_world", "language", Map.of("code", "en"))))
            .build());

    verifySent(
        "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
            + "\"to\":\"+16505551234\",\"type\":\"template\","
            + "\"template\":{\"name\":\"hello_world\",\"language\":{\"code\":\"en\"}}}");
  }

  @Test
  void aDocumentWithCaptionAndFileName() {
    provider.send(
        WhatsAppTestSupport.whatsapp("k-4", "+4915112345678")
            .payload(
                Map.of(
                    "type",
                    "document",
                    "media",
                    Map.of(
                        "link",
                        "https://cdn.acme.test/invoice-42.pdf",
                        "caption",
                        "Your invoice",
                        "filename",
                        "invoice-42.pdf")))
            .build());

    verifySent(
        "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
            + "\"to\":\"+4915112345678\",\"type\":\"document\",\"document\":{"
            + "\"link\":\"https://cdn.acme.test/invoice-42.pdf\",\"caption\":\"Your invoice\","
            + "\"filename\":\"invoice-42.pdf\"}}");
  }

  @Test
  void anImageTakesTheBodyAsCaptionAndAudioHasNoCaption() {
    provider.send(
        WhatsAppTestSupport.whatsapp("k-5", "+16505551234")
            .body("Look at this")
            .payload(
                Map.of("type", "image", "media", Map.of("link", "https://cdn.acme.test/a.jpg")))
            .build());
    provider.send(
        WhatsAppTestSupport.whatsapp("k-6", "+16505551234")
            .body("ignored")
            .payload(
                Map.of("type", "audio", "media", Map.of("link", "https://cdn.acme.test/a.ogg")))
            .build());

    GRAPH.verify(
        postRequestedFor(urlEqualTo(WhatsAppTestSupport.MESSAGES_PATH))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"+16505551234\",\"type\":\"image\",\"image\":{"
                        + "\"link\":\"https://cdn.acme.test/a.jpg\",\"caption\":\"Look at this\"}}")));
    GRAPH.verify(
        postRequestedFor(urlEqualTo(WhatsAppTestSupport.MESSAGES_PATH))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"+16505551234\",\"type\":\"audio\","
                        + "\"audio\":{\"link\":\"https://cdn.acme.test/a.ogg\"}}")));
  }

  @Test
  void messagesThatCannotBeSentAreRefusedWithoutACall() {
    assertThat(send(WhatsAppTestSupport.whatsapp("m-1", "ada@example.com").body("x")))
        .isEqualTo(DeliveryResult.permanent("recipient: not an E.164 phone number"));
    assertThat(send(WhatsAppTestSupport.whatsapp("m-2", "+16505551234")))
        .isEqualTo(DeliveryResult.permanent("body: a text message needs a body"));
    assertThat(
            send(
                WhatsAppTestSupport.whatsapp("m-3", "+16505551234")
                    .payload(Map.of("template", Map.of("name", "x")))))
        .isEqualTo(
            DeliveryResult.permanent(
                "template.language: a language code such as en_US is required"));
    assertThat(
            send(
                WhatsAppTestSupport.whatsapp("m-4", "+16505551234")
                    .payload(Map.of("type", "video"))))
        .isEqualTo(DeliveryResult.permanent("media: a video message needs payload.media"));
    assertThat(
            send(
                WhatsAppTestSupport.whatsapp("m-5", "+16505551234")
                    .payload(Map.of("type", "sticker"))))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
    GRAPH.verify(0, anyRequestedFor(anyUrl()));
  }

  private DeliveryResult send(OutboundMessage.Builder message) {
    return provider.send(message.build());
  }

  private DeliveryResult sendText() {
    return provider.send(WhatsAppTestSupport.whatsapp("e-1", "+16505551234").body("hi").build());
  }

  @Test
  void outsideThe24HourWindowIsPermanentWithAClearReason() {
    // Meta's error for a free-form message to someone who has not written in 24 hours.
    answer(
        400,
        "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\","
            + "\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":"
            + "\"Message failed to send because more than 24 hours have passed since the customer"
            + " last replied to this number.\"},\"error_subcode\":2494010,"
            + "\"fbtrace_id\":\"Az8or2yhqkZfEZ-_4Qn_Bam\"}}",
        null);

    DeliveryResult result = sendText();

    assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(((DeliveryResult.PermanentFailure) result).reason())
        .isEqualTo(
            "free-form message outside the 24-hour window; use a template (HTTP 400, WhatsApp"
                + " error 131047/2494010: (#131047) Re-engagement message (Message failed to send"
                + " because more than 24 hours have passed since the customer last replied to this"
                + " number.))");
  }

  @Test
  void undeliverableAndSelfRecipientArePermanent() {
    answer(
        400,
        "{\"error\":{\"message\":\"(#131026) Message Undeliverable.\",\"type\":\"OAuthException\","
            + "\"code\":131026,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":"
            + "\"Message Undeliverable.\"},\"fbtrace_id\":\"AbC\"}}",
        null);
    assertThat(((DeliveryResult.PermanentFailure) sendText()).reason())
        .startsWith("message undeliverable: the number may not be on WhatsApp");

    answer(
        400,
        "{\"error\":{\"message\":\"(#131021) Recipient cannot be sender.\","
            + "\"type\":\"OAuthException\",\"code\":131021,\"fbtrace_id\":\"AbD\"}}",
        null);
    assertThat(((DeliveryResult.PermanentFailure) sendText()).reason())
        .startsWith("the recipient is the sending number itself");
  }

  @Test
  void rateLimitsAreRateLimited() {
    answer(
        400,
        "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\","
            + "\"code\":130429,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":"
            + "\"Cloud API message throughput has been reached.\"},\"fbtrace_id\":\"AbE\"}}",
        null);
    assertThat(sendText())
        .isEqualTo(DeliveryResult.rateLimited(WhatsAppResponses.DEFAULT_RATE_LIMIT_DELAY));

    answer(
        400,
        "{\"error\":{\"message\":\"(#131056) (Business Account, Consumer Account) pair rate limit"
            + " hit\",\"type\":\"OAuthException\",\"code\":131056,\"fbtrace_id\":\"AbF\"}}",
        "6");
    assertThat(sendText()).isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(6)));

    answer(
        429,
        "{\"error\":{\"message\":\"(#80007) Rate limit issues\",\"type\":\"OAuthException\","
            + "\"code\":80007,\"fbtrace_id\":\"AbG\"}}",
        "120");
    assertThat(sendText()).isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(120)));
  }

  @Test
  void serverErrorsAndTransientCodesAreRetryable() {
    answer(503, "upstream unavailable", null);
    assertThat(sendText())
        .isEqualTo(DeliveryResult.retryable("HTTP 503", WhatsAppResponses.DEFAULT_RETRY_DELAY));

    answer(
        400,
        "{\"error\":{\"message\":\"(#2) Service temporarily unavailable\","
            + "\"type\":\"OAuthException\",\"code\":2,\"fbtrace_id\":\"AbH\"}}",
        null);
    assertThat(sendText())
        .isEqualTo(
            DeliveryResult.retryable(
                "HTTP 400, WhatsApp error 2: (#2) Service temporarily unavailable",
                WhatsAppResponses.DEFAULT_RETRY_DELAY));
  }

  @Test
  void anExpiredTokenIsPermanentAndNeverEchoed() {
    answer(
        401,
        "{\"error\":{\"message\":\"Error validating access token: Session has expired on"
            + " Tuesday, 10-Nov-26 10:00:00 PST.\",\"type\":\"OAuthException\",\"code\":190,"
            + "\"error_subcode\":463,\"fbtrace_id\":\"AbI\"}}",
        null);

    DeliveryResult result = sendText();

    assertThat(((DeliveryResult.PermanentFailure) result).reason())
        .startsWith("the access token is invalid or expired (HTTP 401, WhatsApp error 190/463:")
        .doesNotContain(WhatsAppTestSupport.TOKEN);
    assertThat(context.loggedMessages())
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain(WhatsAppTestSupport.TOKEN));
  }

  @Test
  void otherErrorsArePermanent() {
    answer(
        400,
        "{\"error\":{\"message\":\"(#132001) Template name does not exist in the translation\","
            + "\"type\":\"OAuthException\",\"code\":132001,\"fbtrace_id\":\"AbJ\"}}",
        null);

    assertThat(sendText())
        .isEqualTo(
            DeliveryResult.permanent(
                "HTTP 400, WhatsApp error 132001: (#132001) Template name does not exist in the"
                    + " translation"));
  }

  @Test
  void noAnswerInTimeIsRetryable() {
    GRAPH.stubFor(
        post(urlEqualTo(WhatsAppTestSupport.MESSAGES_PATH))
            .willReturn(aResponse().withFixedDelay(4_000).withBody(WhatsAppTestSupport.SUCCESS)));

    assertThat(sendText())
        .isEqualTo(
            DeliveryResult.retryable(
                "no answer from the Graph API within 2 s", WhatsAppResponses.DEFAULT_RETRY_DELAY));
  }
}
