package io.herald.plugins.smstwilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.tck.TestPluginContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Status callbacks and incoming messages as Twilio sends them
 * (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status,
 * https://www.twilio.com/docs/messaging/guides/webhook-request), signed as Twilio signs them.
 */
class TwilioCallbacksTest {

  private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

  private final TestPluginContext context = new TestPluginContext("channel-sms-twilio");
  private ChannelProvider provider;

  @BeforeEach
  void create() throws Exception {
    provider = provider(Map.of());
  }

  @AfterEach
  void close() {
    provider.close();
  }

  private ChannelProvider provider(Map<String, String> extra) throws Exception {
    Map<String, String> values = TestSupport.config("http://127.0.0.1:9");
    values.put("help_text", "Acme alerts. Msg&data rates may apply. Reply STOP to <stop>.");
    values.putAll(extra);
    return new TwilioSmsChannelProviderFactory().create(new ChannelConfig(values), context);
  }

  /** A status callback's parameters, as Twilio posts them for an SMS. */
  private static Map<String, String> status(String state, String errorCode) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("AccountSid", TestSupport.ACCOUNT_SID);
    p.put("ApiVersion", "2010-04-01");
    p.put("From", TestSupport.FROM);
    p.put("MessageSid", "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    p.put("MessageStatus", state);
    p.put("SmsSid", "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    p.put("SmsStatus", state);
    p.put("To", TestSupport.TO);
    if (errorCode != null) {
      p.put("ErrorCode", errorCode);
    }
    return p;
  }

  /** An incoming message's parameters. */
  private static Map<String, String> inbound(String body) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("ToCountry", "US");
    p.put("SmsMessageSid", "SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    p.put("NumMedia", "0");
    p.put("SmsSid", "SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    p.put("SmsStatus", "received");
    p.put("Body", body);
    p.put("To", TestSupport.FROM);
    p.put("NumSegments", "1");
    p.put("MessageSid", "SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    p.put("AccountSid", TestSupport.ACCOUNT_SID);
    p.put("From", TestSupport.TO);
    p.put("ApiVersion", "2010-04-01");
    return p;
  }

  @Test
  void deliveredBecomesADeliveredEvent() {
    CallbackResult result =
        provider.handleCallback(TestSupport.signedPost("status", status("delivered", null)));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.contentType()).startsWith("text/xml");
    assertThat(result.body()).isEqualTo(EMPTY);
    assertThat(result.events())
        .containsExactly(
            DeliveryEvent.delivered(
                "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                TestSupport.TO,
                TestPluginContext.FIXED_INSTANT));
  }

  @Test
  void undeliveredAndFailedBecomeFailedEventsWithTheErrorCode() {
    CallbackResult undelivered =
        provider.handleCallback(TestSupport.signedPost("status", status("undelivered", "30003")));
    CallbackResult failed =
        provider.handleCallback(TestSupport.signedPost("status", status("failed", "30008")));

    assertThat(undelivered.events())
        .containsExactly(
            DeliveryEvent.failed(
                "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                TestSupport.TO,
                "undelivered: Twilio error 30003 (Unreachable destination handset),"
                    + " https://www.twilio.com/docs/errors/30003",
                TestPluginContext.FIXED_INSTANT));
    assertThat(failed.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(DeliveryEvent.Kind.FAILED);
              assertThat(e.detail()).startsWith("failed: Twilio error 30008 (Unknown error)");
            });
  }

  @Test
  void intermediateStatesAreTakenWithoutEvents() {
    for (String state : List.of("queued", "accepted", "sending", "sent", "scheduled")) {
      CallbackResult result =
          provider.handleCallback(TestSupport.signedPost("status", status(state, null)));
      assertThat(result.status()).as(state).isEqualTo(200);
      assertThat(result.events()).as(state).isEmpty();
      assertThat(result.body()).isEqualTo(EMPTY);
    }
  }

  @Test
  void withoutASubPathAMessageStatusMakesAStatusCallback() {
    CallbackResult result =
        provider.handleCallback(TestSupport.signedPost("", status("delivered", null)));

    assertThat(result.events())
        .extracting(DeliveryEvent::kind)
        .containsExactly(DeliveryEvent.Kind.DELIVERED);
  }

  @Test
  void stopWordsUnsubscribeTheSender() {
    for (String word :
        List.of("STOP", "stop", " Stop ", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT")) {
      CallbackResult result =
          provider.handleCallback(TestSupport.signedPost("inbound", inbound(word)));
      assertThat(result.status()).as(word).isEqualTo(200);
      assertThat(result.events())
          .as(word)
          .containsExactly(
              DeliveryEvent.unsubscribed(
                  TestSupport.TO, word.strip(), TestPluginContext.FIXED_INSTANT));
      // No STOP text configured: Twilio's own opt-out reply stands.
      assertThat(result.body()).as(word).isEqualTo(EMPTY);
    }
  }

  @Test
  void theStopConfirmationIsAnsweredWhenConfigured() throws Exception {
    ChannelProvider p = provider(Map.of("stop_text", "You're unsubscribed from Acme."));

    CallbackResult result = p.handleCallback(TestSupport.signedPost("inbound", inbound("stop")));

    assertThat(result.contentType()).isEqualTo("text/xml; charset=UTF-8");
    assertThat(result.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                + "You&apos;re unsubscribed from Acme.</Message></Response>");
    p.close();
  }

  @Test
  void startWordsResubscribeTheSender() {
    for (String word : List.of("START", "yes", "Unstop")) {
      CallbackResult result =
          provider.handleCallback(TestSupport.signedPost("inbound", inbound(word)));
      assertThat(result.events())
          .as(word)
          .containsExactly(
              DeliveryEvent.resubscribed(TestSupport.TO, word, TestPluginContext.FIXED_INSTANT));
      assertThat(result.body()).isEqualTo(EMPTY);
    }
  }

  @Test
  void helpIsAnsweredWithTheHelpTextAsTwiml() {
    for (String word : List.of("HELP", "info")) {
      CallbackResult result =
          provider.handleCallback(TestSupport.signedPost("inbound", inbound(word)));
      assertThat(result.status()).isEqualTo(200);
      assertThat(result.events()).isEmpty();
      assertThat(result.contentType()).isEqualTo("text/xml; charset=UTF-8");
      assertThat(result.body())
          .isEqualTo(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                  + "Acme alerts. Msg&amp;data rates may apply. Reply STOP to &lt;stop&gt;."
                  + "</Message></Response>");
    }
  }

  @Test
  void anythingElseIsAReply() {
    CallbackResult result =
        provider.handleCallback(
            TestSupport.signedPost("inbound", inbound("Stop texting me, see you at 5?")));

    assertThat(result.events())
        .containsExactly(
            DeliveryEvent.replied(
                "SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                TestSupport.TO,
                "Stop texting me, see you at 5?",
                TestPluginContext.FIXED_INSTANT));
    assertThat(result.body()).isEqualTo(EMPTY);
  }

  @Test
  void advancedOptOutsTypeWinsOverTheWord() {
    Map<String, String> params = inbound("ARRET");
    params.put("OptOutType", "STOP");

    CallbackResult result = provider.handleCallback(TestSupport.signedPost("inbound", params));

    assertThat(result.events())
        .extracting(DeliveryEvent::kind)
        .containsExactly(DeliveryEvent.Kind.UNSUBSCRIBED);
  }

  @Test
  void aMediaMessageWithoutTextIsAReplyNamingItsKind() {
    Map<String, String> params = inbound("");
    params.put("NumMedia", "1");
    params.put("MediaContentType0", "image/jpeg");
    params.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME");

    CallbackResult result = provider.handleCallback(TestSupport.signedPost("inbound", params));

    assertThat(result.events())
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("[image/jpeg]"));
  }

  @Test
  void aSignedGetCarriesTheParametersInTheQuery() {
    String url = TestSupport.CALLBACK_URL + "/inbound?From=%2B15557122661&Body=STOP";
    InboundCallback get =
        new InboundCallback(
            "GET",
            "inbound",
            Map.of(
                "X-Twilio-Signature",
                List.of(TestSupport.sign(TestSupport.AUTH_TOKEN, url, Map.of()))),
            Map.of("From", List.of("+15557122661"), "Body", List.of("STOP")),
            new byte[0],
            "",
            "54.172.60.1",
            url);

    CallbackResult result = provider.handleCallback(get);

    assertThat(result.events())
        .extracting(DeliveryEvent::kind)
        .containsExactly(DeliveryEvent.Kind.UNSUBSCRIBED);
  }

  @Test
  void aForgedSignatureIsRefusedWith403() {
    Map<String, String> params = inbound("STOP");
    String signature =
        TestSupport.sign("not-the-token-0000", TestSupport.CALLBACK_URL + "/inbound", params);

    CallbackResult result = provider.handleCallback(TestSupport.post("inbound", params, signature));

    assertThat(result.status()).isEqualTo(403);
    assertThat(result.events()).isEmpty();
    assertThat(result.body()).contains("does not match");
  }

  @Test
  void aSignatureOverOtherParametersIsRefused() {
    Map<String, String> signed = status("delivered", null);
    String signature =
        TestSupport.sign(TestSupport.AUTH_TOKEN, TestSupport.CALLBACK_URL + "/status", signed);
    Map<String, String> tampered = new LinkedHashMap<>(signed);
    tampered.put("MessageSid", "SMcccccccccccccccccccccccccccccccc");

    assertThat(provider.handleCallback(TestSupport.post("status", tampered, signature)).status())
        .isEqualTo(403);
  }

  @Test
  void aSignatureForAnotherUrlIsRefused() {
    Map<String, String> params = status("delivered", null);
    String signature =
        TestSupport.sign(TestSupport.AUTH_TOKEN, "https://elsewhere.test/callbacks/x", params);

    assertThat(provider.handleCallback(TestSupport.post("status", params, signature)).status())
        .isEqualTo(403);
  }

  @Test
  void aMissingSignatureIsRefusedWith403() {
    CallbackResult result =
        provider.handleCallback(TestSupport.post("status", status("delivered", null), null));

    assertThat(result.status()).isEqualTo(403);
    assertThat(result.body()).contains("X-Twilio-Signature");
  }

  @Test
  void withoutAnAuthTokenNoCallbackIsTaken() throws Exception {
    Map<String, String> values = TestSupport.config("http://127.0.0.1:9");
    values.remove("auth_token");
    values.put("api_key_sid", TestSupport.API_KEY_SID);
    values.put("api_key_secret", TestSupport.API_KEY_SECRET);
    ChannelProvider p =
        new TwilioSmsChannelProviderFactory().create(new ChannelConfig(values), context);

    CallbackResult result =
        p.handleCallback(TestSupport.signedPost("status", status("delivered", null)));

    assertThat(result.status()).isEqualTo(403);
    assertThat(result.body()).contains("no auth token");
    p.close();
  }

  @Test
  void aCallbackWithoutTheCalledUrlIsRefused() {
    Map<String, String> params = status("delivered", null);
    InboundCallback signed = TestSupport.signedPost("status", params);
    InboundCallback noUrl =
        new InboundCallback(
            signed.method(),
            signed.subPath(),
            signed.headers(),
            signed.query(),
            signed.body(),
            signed.contentType(),
            signed.remoteAddress(),
            "");

    assertThat(provider.handleCallback(noUrl).status()).isEqualTo(403);
  }

  @Test
  void signedButIncompleteRequestsAre400() {
    assertThat(
            provider
                .handleCallback(TestSupport.signedPost("status", Map.of("MessageStatus", "sent")))
                .status())
        .isEqualTo(400);
    assertThat(
            provider
                .handleCallback(TestSupport.signedPost("inbound", Map.of("Body", "hi")))
                .status())
        .isEqualTo(400);
  }

  @Test
  void otherSubPathsAndMethodsAreNotTwilios() {
    assertThat(provider.handleCallback(TestSupport.signedPost("bounces", inbound("hi"))).status())
        .isEqualTo(404);
    InboundCallback put =
        new InboundCallback(
            "PUT",
            "inbound",
            Map.of(),
            Map.of(),
            "Body=hi".getBytes(StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded",
            "",
            TestSupport.CALLBACK_URL + "/inbound");
    assertThat(provider.handleCallback(put).status()).isEqualTo(405);
  }

  @Test
  void nothingLoggedCarriesTheTokenOrTheSignature() {
    InboundCallback signed = TestSupport.signedPost("inbound", inbound("STOP"));
    provider.handleCallback(signed);
    provider.handleCallback(TestSupport.post("inbound", inbound("STOP"), "forged"));

    String logs = String.join("\n", context.loggedMessages());
    assertThat(logs).contains("refused");
    assertThat(logs)
        .doesNotContain(TestSupport.AUTH_TOKEN)
        .doesNotContain(signed.header("X-Twilio-Signature").orElseThrow())
        .doesNotContain("forged");
  }
}
