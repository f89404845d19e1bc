package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.ProviderHealth;
import io.herald.plugin.tck.TestPluginContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SMTP replies at RCPT and DATA, from a scripted server, mapped to delivery results. */
class ReplyCodeMappingTest {

  private final TestPluginContext context = new TestPluginContext("channel-email-smtp");

  private DeliveryResult sendThrough(ScriptedSmtpServer.Script script) throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(script);
        ChannelProvider provider =
            new SmtpEmailChannelProviderFactory()
                .create(TestSupport.config(TestSupport.anonymousConfig(server.port())), context)) {
      return provider.send(TestSupport.email("k-1", "a@example.test").build());
    }
  }

  private static ScriptedSmtpServer.Script accepting() {
    return ScriptedSmtpServer.Script.accepting();
  }

  @Test
  void anAcceptedMessageReturnsItsMessageId() throws Exception {
    assertThat(sendThrough(accepting())).isEqualTo(DeliveryResult.accepted("<k-1@herald.test>"));
  }

  @Test
  void a451AtRcptIsRetryableAfterAMinute() throws Exception {
    assertThat(sendThrough(accepting().withRcpt("451 4.3.0 Temporary lookup failure")))
        .isEqualTo(
            DeliveryResult.retryable(
                "SMTP 451 4.3.0 Temporary lookup failure", Duration.ofSeconds(60)));
  }

  @Test
  void a550AtRcptIsPermanent() throws Exception {
    assertThat(sendThrough(accepting().withRcpt("550 5.1.1 No such user here")))
        .isEqualTo(DeliveryResult.permanent("SMTP 550 5.1.1 No such user here"));
  }

  @Test
  void a421ThrottlingReplyAtRcptIsRateLimited() throws Exception {
    assertThat(sendThrough(accepting().withRcpt("421 4.7.0 Too many messages, slow down")))
        .isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(60)));
  }

  @Test
  void a450RateLimitReplyAtRcptIsRateLimited() throws Exception {
    assertThat(sendThrough(accepting().withRcpt("450 4.2.1 Rate limit exceeded")))
        .isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(60)));
  }

  @Test
  void a451ThrottlingReplyAfterDataIsRateLimited() throws Exception {
    assertThat(sendThrough(accepting().withDataEnd("451 4.7.1 Throttled: try again later")))
        .isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(60)));
  }

  @Test
  void a452AfterDataIsRetryable() throws Exception {
    assertThat(sendThrough(accepting().withDataEnd("452 4.3.1 Insufficient system storage")))
        .isEqualTo(
            DeliveryResult.retryable(
                "SMTP 452 4.3.1 Insufficient system storage", Duration.ofSeconds(60)));
  }

  @Test
  void a554AfterDataIsPermanent() throws Exception {
    assertThat(sendThrough(accepting().withDataEnd("554 5.7.1 Message rejected as spam")))
        .isEqualTo(DeliveryResult.permanent("SMTP 554 5.7.1 Message rejected as spam"));
  }

  @Test
  void a421GreetingWithoutThrottlingIsRetryable() throws Exception {
    DeliveryResult result =
        sendThrough(accepting().withGreeting("421 4.3.2 Service not available"));

    assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(((DeliveryResult.RetryableFailure) result).reason()).contains("421");
  }

  @Test
  void aRefusedConnectionIsRetryableAfterThirtySecondsAndHealthIsDown() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (ChannelProvider provider =
        new SmtpEmailChannelProviderFactory()
            .create(TestSupport.config(TestSupport.anonymousConfig(closedPort)), context)) {
      DeliveryResult result = provider.send(TestSupport.email("k", "a@example.test").build());

      assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
      DeliveryResult.RetryableFailure failure = (DeliveryResult.RetryableFailure) result;
      assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
      assertThat(failure.reason()).startsWith("SMTP connection to smtp://127.0.0.1:" + closedPort);
      ProviderHealth health = provider.health();
      assertThat(health.status()).isEqualTo(ProviderHealth.Status.DOWN);
      assertThat(health.detail()).doesNotContain("\n");
    }
  }

  @Test
  void starttlsIsUsedWhenOffered() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(accepting().withStartTls())) {
      Map<String, String> values = TestSupport.anonymousConfig(server.port());
      values.put("security", "starttls");
      values.put("trust_all_certificates", "true");
      try (ChannelProvider provider =
          new SmtpEmailChannelProviderFactory().create(TestSupport.config(values), context)) {
        DeliveryResult result = provider.send(TestSupport.email("k-tls", "a@example.test").build());

        assertThat(result).isEqualTo(DeliveryResult.accepted("<k-tls@herald.test>"));
      }
      assertThat(server.commands()).anyMatch(c -> c.equalsIgnoreCase("STARTTLS"));
      assertThat(server.messages())
          .singleElement()
          .asString()
          .contains("Message-ID: <k-tls@herald.test>");
    }
  }

  @Test
  void starttlsIsRequiredSoAServerWithoutItIsNotUsed() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(accepting())) {
      Map<String, String> values = TestSupport.anonymousConfig(server.port());
      values.put("security", "starttls");
      try (ChannelProvider provider =
          new SmtpEmailChannelProviderFactory().create(TestSupport.config(values), context)) {
        DeliveryResult result = provider.send(TestSupport.email("k", "a@example.test").build());

        assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
        assertThat(((DeliveryResult.RetryableFailure) result).reason())
            .containsIgnoringCase("STARTTLS");
      }
      assertThat(server.commands()).noneMatch(c -> c.toUpperCase().startsWith("MAIL"));
    }
  }

  @Test
  void starttlsWithAnUntrustedCertificateFails() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(accepting().withStartTls())) {
      Map<String, String> values = TestSupport.anonymousConfig(server.port());
      values.put("security", "starttls");
      try (ChannelProvider provider =
          new SmtpEmailChannelProviderFactory().create(TestSupport.config(values), context)) {
        DeliveryResult result = provider.send(TestSupport.email("k", "a@example.test").build());

        assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
      }
      assertThat(server.messages()).isEmpty();
    }
  }
}
