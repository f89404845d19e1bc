package io.herald.plugins.smstwilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.plugin.tck.TestPluginContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exact requests to Twilio's Messages API and what Twilio's answers become. Answers are
 * Twilio's documented bodies: the Message resource of "Create a Message"
 * (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource) and the
 * error format {@code {"code","message","more_info","status"}}
 * (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).
 */
class TwilioSendTest {

  @RegisterExtension
  static final WireMockExtension TWILIO =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final TestPluginContext context = new TestPluginContext("channel-sms-twilio");
  private ChannelProvider provider;

  @AfterEach
  void close() {
    if (provider != null) {
      provider.close();
    }
  }

  private ChannelProvider provider(Map<String, String> values) throws Exception {
    provider = new TwilioSmsChannelProviderFactory().create(new ChannelConfig(values), context);
    return provider;
  }

  private static void answer(int status, String resource) {
    TWILIO.stubFor(
        post(urlPathEqualTo(TestSupport.MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(TestSupport.resource(resource))));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void postsTheFormWithBasicAuthOfTheAccountAndItsToken() throws Exception {
    answer(201, "message-created.json");
    Map<String, String> values = TestSupport.config(TWILIO.baseUrl());
    values.put("status_callback_url", TestSupport.CALLBACK_URL + "/status");

    DeliveryResult result =
        provider(values).send(TestSupport.sms("k-1", "Héllo & welcome, 50% off!"));

    assertThat(result).isEqualTo(DeliveryResult.accepted("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    TWILIO.verify(
        1,
        postRequestedFor(urlEqualTo(TestSupport.MESSAGES_PATH))
            .withHeader(
                "Authorization", equalTo(basic(TestSupport.ACCOUNT_SID, TestSupport.AUTH_TOKEN)))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
            .withHeader("Accept", equalTo("application/json"))
            .withFormParam("To", equalTo("+15557122661"))
            .withFormParam("From", equalTo("+14155552345"))
            .withFormParam("Body", equalTo("Héllo & welcome, 50% off!"))
            .withFormParam(
                "StatusCallback", equalTo("https://herald.example.com/callbacks/Zt0k3n/status"))
            .withFormParam("MessagingServiceSid", absent())
            .withRequestBody(
                equalTo(
                    "To=%2B15557122661&From=%2B14155552345"
                        + "&Body=H%C3%A9llo+%26+welcome%2C+50%25+off%21"
                        + "&StatusCallback=https%3A%2F%2Fherald.example.com%2Fcallbacks%2FZt0k3n%2Fstatus")));
  }

  @Test
  void anApiKeyIsTheBasicUserAndTheAccountStaysInThePath() throws Exception {
    answer(201, "message-created.json");
    Map<String, String> values = TestSupport.config(TWILIO.baseUrl());
    values.put("api_key_sid", TestSupport.API_KEY_SID);
    values.put("api_key_secret", TestSupport.API_KEY_SECRET);

    provider(values).send(TestSupport.sms("k-2", "Hi"));

    TWILIO.verify(
        postRequestedFor(urlEqualTo(TestSupport.MESSAGES_PATH))
            .withHeader(
                "Authorization",
                equalTo(basic(TestSupport.API_KEY_SID, TestSupport.API_KEY_SECRET))));
  }

  @Test
  void anApiKeyAloneSendsWithoutAnAuthToken() throws Exception {
    answer(201, "message-created.json");
    Map<String, String> values = TestSupport.config(TWILIO.baseUrl());
    values.remove("auth_token");
    values.put("api_key_sid", TestSupport.API_KEY_SID);
    values.put("api_key_secret", TestSupport.API_KEY_SECRET);

    DeliveryResult result = provider(values).send(TestSupport.sms("k-3", "Hi"));

    assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
    TWILIO.verify(
        postRequestedFor(urlEqualTo(TestSupport.MESSAGES_PATH))
            .withHeader(
                "Authorization",
                equalTo(basic(TestSupport.API_KEY_SID, TestSupport.API_KEY_SECRET))));
  }

  @Test
  void aMessagingServiceReplacesTheSenderAndNoStatusCallbackIsSentWithoutItsUrl() throws Exception {
    answer(201, "message-created.json");
    Map<String, String> values = TestSupport.config(TWILIO.baseUrl());
    values.put("messaging_service_sid", TestSupport.SERVICE_SID);

    provider(values).send(TestSupport.sms("k-4", "Hi"));

    TWILIO.verify(
        postRequestedFor(urlEqualTo(TestSupport.MESSAGES_PATH))
            .withRequestBody(
                equalTo(
                    "To=%2B15557122661&MessagingServiceSid="
                        + TestSupport.SERVICE_SID
                        + "&Body=Hi"))
            .withFormParam("From", absent())
            .withFormParam("StatusCallback", absent()));
  }

  @Test
  void theMessagesOwnSenderWinsAndATextPartServesAsBody() throws Exception {
    answer(201, "message-created.json");
    ChannelProvider p = provider(TestSupport.config(TWILIO.baseUrl()));

    p.send(
        OutboundMessage.builder("k-5", ChannelKind.SMS, TestSupport.TO)
            .body("Hi")
            .from("Acme")
            .build());
    p.send(
        OutboundMessage.builder("k-6", ChannelKind.SMS, TestSupport.TO)
            .text("Hi")
            .from("MGcccccccccccccccccccccccccccccccc")
            .build());

    TWILIO.verify(
        postRequestedFor(urlEqualTo(TestSupport.MESSAGES_PATH))
            .withRequestBody(equalTo("To=%2B15557122661&From=Acme&Body=Hi")));
    TWILIO.verify(
        postRequestedFor(urlEqualTo(TestSupport.MESSAGES_PATH))
            .withRequestBody(
                equalTo(
                    "To=%2B15557122661&MessagingServiceSid=MGcccccccccccccccccccccccccccccccc"
                        + "&Body=Hi")));
  }

  @Test
  void aRecipientThatIsNotE164FailsPermanentlyWithoutCallingTwilio() throws Exception {
    ChannelProvider p = provider(TestSupport.config(TWILIO.baseUrl()));

    for (String bad : new String[] {"5557122661", "+0123456", "+1 555 712 2661", "ada@x.test"}) {
      DeliveryResult result =
          p.send(OutboundMessage.builder("k-" + bad, ChannelKind.SMS, bad).body("Hi").build());
      assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
      assertThat(((DeliveryResult.PermanentFailure) result).reason())
          .contains("not an E.164 phone number")
          .contains(bad);
    }
    TWILIO.verify(0, postRequestedFor(urlPathEqualTo(TestSupport.MESSAGES_PATH)));
  }

  @Test
  void a429IsRateLimitedForItsRetryAfter() throws Exception {
    TWILIO.stubFor(
        post(urlPathEqualTo(TestSupport.MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Retry-After", "7")
                    .withBody(TestSupport.resource("error-20429.json"))));

    DeliveryResult result =
        provider(TestSupport.config(TWILIO.baseUrl())).send(TestSupport.sms("k-7", "Hi"));

    assertThat(result).isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(7)));
  }

  @Test
  void a429WithoutRetryAfterWaitsTheDefaultDelay() throws Exception {
    answer(429, "error-20429.json");

    DeliveryResult result =
        provider(TestSupport.config(TWILIO.baseUrl())).send(TestSupport.sms("k-8", "Hi"));

    assertThat(result)
        .isEqualTo(DeliveryResult.rateLimited(TwilioAnswers.DEFAULT_RATE_LIMIT_DELAY));
  }

  @Test
  void a500IsRetryable() throws Exception {
    answer(500, "error-20500.json");

    DeliveryResult result =
        provider(TestSupport.config(TWILIO.baseUrl())).send(TestSupport.sms("k-9", "Hi"));

    assertThat(result)
        .isEqualTo(
            DeliveryResult.retryable(
                "Twilio 500 error 20500: Internal Server Error"
                    + " (https://www.twilio.com/docs/errors/20500)",
                Duration.ZERO));
  }

  @Test
  void a503WithoutABodyIsRetryableAfterItsRetryAfter() throws Exception {
    TWILIO.stubFor(
        post(urlPathEqualTo(TestSupport.MESSAGES_PATH))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));

    DeliveryResult result =
        provider(TestSupport.config(TWILIO.baseUrl())).send(TestSupport.sms("k-10", "Hi"));

    assertThat(result).isEqualTo(DeliveryResult.retryable("Twilio 503", Duration.ofSeconds(30)));
  }

  @Test
  void error21211IsAnInvalidRecipient() throws Exception {
    answer(400, "error-21211.json");

    DeliveryResult result =
        provider(TestSupport.config(TWILIO.baseUrl())).send(TestSupport.sms("k-11", "Hi"));

    assertThat(result)
        .isEqualTo(
            DeliveryResult.invalidRecipient(
                "Twilio 400 error 21211: Invalid 'To' Phone Number: +1555012XXXX"
                    + " (https://www.twilio.com/docs/errors/21211)"));
  }

  @Test
  void error21614IsAnInvalidRecipient() throws Exception {
    answer(400, "error-21614.json");

    DeliveryResult result =
        provider(TestSupport.config(TWILIO.baseUrl())).send(TestSupport.sms("k-12", "Hi"));

    assertThat(result).isInstanceOf(DeliveryResult.InvalidRecipient.class);
    assertThat(((DeliveryResult.InvalidRecipient) result).reason()).contains("21614");
  }

  @Test
  void error21610IsPermanentButKeepsTheNumber() throws Exception {
    answer(400, "error-21610.json");

    DeliveryResult result =
        provider(TestSupport.config(TWILIO.baseUrl())).send(TestSupport.sms("k-13", "Hi"));

    assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(((DeliveryResult.PermanentFailure) result).reason())
        .contains("21610", "Attempt to send to unsubscribed recipient", "replied STOP");
  }

  @Test
  void anyOther4xxIsPermanentWithTwiliosCodeAndMessage() throws Exception {
    answer(401, "error-20003.json");

    DeliveryResult result =
        provider(TestSupport.config(TWILIO.baseUrl())).send(TestSupport.sms("k-14", "Hi"));

    assertThat(result)
        .isEqualTo(
            DeliveryResult.permanent(
                "Twilio 401 error 20003: Authentication Error - invalid username"
                    + " (https://www.twilio.com/docs/errors/20003)"));
  }

  @Test
  void a201WithoutASidIsNotRetried() throws Exception {
    TWILIO.stubFor(
        post(urlPathEqualTo(TestSupport.MESSAGES_PATH))
            .willReturn(aResponse().withStatus(201).withBody("<html>proxy</html>")));

    DeliveryResult result =
        provider(TestSupport.config(TWILIO.baseUrl())).send(TestSupport.sms("k-15", "Hi"));

    assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
  }

  @Test
  void noAnswerWithinTheTimeoutIsRetryable() throws Exception {
    TWILIO.stubFor(
        post(urlPathEqualTo(TestSupport.MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withFixedDelay(1_500)
                    .withBody(TestSupport.resource("message-created.json"))));
    Map<String, String> values = TestSupport.config(TWILIO.baseUrl());
    values.put("timeout_ms", "200");

    DeliveryResult result = provider(values).send(TestSupport.sms("k-16", "Hi"));

    assertThat(result)
        .isEqualTo(DeliveryResult.retryable("Twilio did not answer within 200 ms", Duration.ZERO));
  }

  @Test
  void aDroppedConnectionIsRetryable() throws Exception {
    TWILIO.stubFor(
        post(urlPathEqualTo(TestSupport.MESSAGES_PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    DeliveryResult result =
        provider(TestSupport.config(TWILIO.baseUrl())).send(TestSupport.sms("k-17", "Hi"));

    assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(((DeliveryResult.RetryableFailure) result).reason())
        .startsWith("could not reach Twilio");
  }

  @Test
  void healthChecksTheCredentialsOnTheAccount() throws Exception {
    String account = "/2010-04-01/Accounts/" + TestSupport.ACCOUNT_SID + ".json";
    TWILIO.stubFor(
        get(urlEqualTo(account))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestSupport.resource("error-20003.json"))));

    ProviderHealth health = provider(TestSupport.config(TWILIO.baseUrl())).health();

    assertThat(health.status()).isEqualTo(ProviderHealth.Status.DOWN);
    assertThat(health.detail()).contains("auth token").doesNotContain(TestSupport.AUTH_TOKEN);
    TWILIO.verify(
        getRequestedFor(urlEqualTo(account))
            .withHeader(
                "Authorization", equalTo(basic(TestSupport.ACCOUNT_SID, TestSupport.AUTH_TOKEN))));
  }

  @Test
  void logsNeverCarryTheCredentials() throws Exception {
    answer(400, "error-21211.json");
    Map<String, String> values = TestSupport.config(TWILIO.baseUrl());
    values.put("api_key_sid", TestSupport.API_KEY_SID);
    values.put("api_key_secret", TestSupport.API_KEY_SECRET);
    ChannelProvider p = provider(values);

    p.send(TestSupport.sms("k-18", "Hi"));
    p.handleCallback(TestSupport.post("status", Map.of("MessageSid", "SMx"), "forged"));

    assertThat(context.loggedMessages()).isNotEmpty();
    assertThat(String.join("\n", context.loggedMessages()))
        .doesNotContain(TestSupport.AUTH_TOKEN)
        .doesNotContain(TestSupport.API_KEY_SECRET)
        .doesNotContain(basic(TestSupport.API_KEY_SID, TestSupport.API_KEY_SECRET).substring(6));
  }
}
