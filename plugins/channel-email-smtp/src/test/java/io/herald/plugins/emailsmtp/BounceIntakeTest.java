package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.tck.TestPluginContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider's callback: shared secret, method, content type, reports and everything else. */
class BounceIntakeTest {

  private static final String SECRET = "cb-Secr3t-0815-xyz";

  private final TestPluginContext context = new TestPluginContext("channel-email-smtp");
  private ChannelProvider provider;

  private ChannelProvider provider(String secret) throws Exception {
    Map<String, String> values = TestSupport.plainConfig(2525);
    if (secret != null) {
      values.put("callback_secret", secret);
    }
    provider = new SmtpEmailChannelProviderFactory().create(TestSupport.config(values), context);
    return provider;
  }

  @AfterEach
  void close() {
    if (provider != null) {
      provider.close();
    }
  }

  private static InboundCallback post(String fixture, String contentType, String secret) {
    return new InboundCallback(
        "POST",
        "",
        secret == null ? Map.of() : Map.of("x-herald-callback-secret", List.of(secret)),
        Map.of(),
        MailReportsTest.fixture(fixture),
        contentType,
        "192.0.2.1");
  }

  @Test
  void aBounceWithTheRightSecretGivesItsEvent() throws Exception {
    CallbackResult result =
        provider(SECRET).handleCallback(post("postfix-dsn.eml", "message/rfc822", SECRET));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body()).isEmpty();
    assertThat(result.events())
        .singleElement()
        .extracting(DeliveryEvent::kind)
        .isEqualTo(DeliveryEvent.Kind.BOUNCED);
  }

  @Test
  void aWrongOrMissingSecretIs401WithoutEventsNorTheSecretInLogs() throws Exception {
    ChannelProvider p = provider(SECRET);

    CallbackResult wrong = p.handleCallback(post("postfix-dsn.eml", "message/rfc822", "nope"));
    CallbackResult missing = p.handleCallback(post("postfix-dsn.eml", "message/rfc822", null));
    CallbackResult longer =
        p.handleCallback(post("postfix-dsn.eml", "message/rfc822", SECRET + "x"));

    assertThat(List.of(wrong, missing, longer))
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(401);
              assertThat(r.events()).isEmpty();
              assertThat(r.toString()).doesNotContain(SECRET);
            });
    assertThat(context.loggedMessages()).isNotEmpty().noneMatch(l -> l.contains(SECRET));
    assertThat(p.toString()).doesNotContain(SECRET);
  }

  @Test
  void withoutASecretSettingAnyCallerIsHeard() throws Exception {
    CallbackResult result =
        provider(null).handleCallback(post("yahoo-arf.eml", "text/plain", null));

    assertThat(result.events())
        .singleElement()
        .extracting(DeliveryEvent::kind)
        .isEqualTo(DeliveryEvent.Kind.COMPLAINED);
  }

  @Test
  void otherMethodsTypesAndBodiesAreRefused() throws Exception {
    ChannelProvider p = provider(null);

    assertThat(
            p.handleCallback(
                    new InboundCallback("GET", "", Map.of(), Map.of(), null, "", "192.0.2.1"))
                .status())
        .isEqualTo(405);
    assertThat(p.handleCallback(post("postfix-dsn.eml", "application/json", null)).status())
        .isEqualTo(415);
    assertThat(
            p.handleCallback(
                    new InboundCallback(
                        "POST", "", Map.of(), Map.of(), new byte[0], "message/rfc822", ""))
                .status())
        .isEqualTo(400);
  }

  @Test
  void createAndCallbacksWorkUnderAForeignContextClassLoader() throws Exception {
    // In the host, request threads carry the application's TCCL, which cannot see this plugin's
    // Jakarta Mail providers; nothing on the callback path may depend on the caller's TCCL.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (java.net.URLClassLoader empty =
        new java.net.URLClassLoader(new java.net.URL[0], ClassLoader.getPlatformClassLoader())) {
      thread.setContextClassLoader(empty);
      CallbackResult result =
          provider(SECRET).handleCallback(post("exchange-dsn.eml", "message/rfc822", SECRET));

      assertThat(result.events()).hasSize(1);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void anOrdinaryMessageIsTakenAndIgnored() throws Exception {
    CallbackResult result =
        provider(null).handleCallback(post("auto-reply.eml", "message/rfc822", null));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.events()).isEmpty();
    assertThat(result.body()).contains("not a delivery status or feedback report");
  }
}
