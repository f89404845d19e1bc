package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.tck.TestPluginContext;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TLS, the connection pool, reconnects and independence from the caller's TCCL. */
class SmtpConnectionTest {

  private final List<GreenMail> servers = new ArrayList<>();
  private final List<SmtpEmailChannelProvider> providers = new ArrayList<>();

  @AfterEach
  void stopAll() {
    providers.forEach(SmtpEmailChannelProvider::close);
    servers.forEach(GreenMail::stop);
  }

  private GreenMail start(String protocol, int port) {
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", protocol));
    greenMail.withConfiguration(
        GreenMailConfiguration.aConfig().withUser(TestSupport.USER, TestSupport.PASSWORD));
    greenMail.start();
    servers.add(greenMail);
    return greenMail;
  }

  private SmtpEmailChannelProvider provider(Map<String, String> values, Clock clock)
      throws Exception {
    SmtpEmailChannelProvider provider =
        (SmtpEmailChannelProvider)
            new SmtpEmailChannelProviderFactory()
                .create(
                    new ChannelConfig(values), new TestPluginContext("channel-email-smtp", clock));
    providers.add(provider);
    return provider;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void implicitTlsWorksWithTrustAllCertificates() throws Exception {
    GreenMail smtps = start(ServerSetup.PROTOCOL_SMTPS, 0);
    Map<String, String> values = TestSupport.plainConfig(smtps.getSmtps().getPort());
    values.put("security", "tls");
    values.put("trust_all_certificates", "true");

    DeliveryResult result =
        provider(values, Clock.systemUTC())
            .send(TestSupport.email("k-tls", "a@example.test").build());

    assertThat(result).isEqualTo(DeliveryResult.accepted("<k-tls@herald.test>"));
    assertThat(smtps.getReceivedMessages()).hasSize(1);
  }

  @Test
  void implicitTlsRefusesAnUntrustedCertificateByDefault() throws Exception {
    GreenMail smtps = start(ServerSetup.PROTOCOL_SMTPS, 0);
    Map<String, String> values = TestSupport.plainConfig(smtps.getSmtps().getPort());
    values.put("security", "tls");

    DeliveryResult result =
        provider(values, Clock.systemUTC())
            .send(TestSupport.email("k-tls", "a@example.test").build());

    assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(((DeliveryResult.RetryableFailure) result).reason()).contains("SSL");
    assertThat(smtps.getReceivedMessages()).isEmpty();
  }

  @Test
  void concurrentSendsThroughAPoolOfFourAllArriveExactlyOnce() throws Exception {
    GreenMail smtp = start(ServerSetup.PROTOCOL_SMTP, 0);
    Map<String, String> values = TestSupport.plainConfig(smtp.getSmtp().getPort());
    values.put("pool_size", "4");
    SmtpEmailChannelProvider provider = provider(values, Clock.systemUTC());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Callable<DeliveryResult>> sends = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String key = "bulk-" + i;
      sends.add(() -> provider.send(TestSupport.email(key, "a@example.test").build()));
    }
    List<DeliveryResult> results = new ArrayList<>();
    try {
      for (Future<DeliveryResult> future : threads.invokeAll(sends)) {
        results.add(future.get());
      }
    } finally {
      threads.shutdown();
      threads.awaitTermination(30, TimeUnit.SECONDS);
    }

    assertThat(results).hasSize(200).allMatch(r -> r instanceof DeliveryResult.Accepted);
    assertThat(smtp.waitForIncomingEmail(10_000, 200)).isTrue();
    List<String> ids = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      ids.add(message.getMessageID());
    }
    assertThat(ids).hasSize(200).doesNotHaveDuplicates();
    assertThat(provider.connectionsOpened()).isBetween(1L, 4L);
  }

  @Test
  void connectionsAreReusedAcrossSends() throws Exception {
    GreenMail smtp = start(ServerSetup.PROTOCOL_SMTP, 0);
    Map<String, String> values = TestSupport.plainConfig(smtp.getSmtp().getPort());
    values.put("pool_size", "2");
    SmtpEmailChannelProvider provider = provider(values, Clock.systemUTC());

    for (int i = 0; i < 30; i++) {
      assertThat(provider.send(TestSupport.email("seq-" + i, "a@example.test").build()))
          .isInstanceOf(DeliveryResult.Accepted.class);
    }

    assertThat(provider.connectionsOpened()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(30);
  }

  @Test
  void aDroppedConnectionIsReplacedAfterTheServerRestarts() throws Exception {
    int port = freePort();
    GreenMail first = start(ServerSetup.PROTOCOL_SMTP, port);
    // A ticking clock: the idle connection is re-checked (NOOP) once it has been idle a second.
    SmtpEmailChannelProvider provider = provider(TestSupport.plainConfig(port), Clock.systemUTC());
    assertThat(provider.send(TestSupport.email("before", "a@example.test").build()))
        .isInstanceOf(DeliveryResult.Accepted.class);

    first.stop();
    GreenMail second = start(ServerSetup.PROTOCOL_SMTP, port);
    Thread.sleep(TransportPool.RECHECK_AFTER_IDLE.toMillis() + 100);
    DeliveryResult after = provider.send(TestSupport.email("after", "a@example.test").build());

    assertThat(after).isInstanceOf(DeliveryResult.Accepted.class);
    assertThat(second.getReceivedMessages()).hasSize(1);
    assertThat(provider.connectionsOpened()).isEqualTo(2);
  }

  @Test
  void aSendDoesNotDependOnTheCallersContextClassLoader() throws Exception {
    GreenMail smtp = start(ServerSetup.PROTOCOL_SMTP, 0);
    Map<String, String> values = TestSupport.plainConfig(smtp.getSmtp().getPort());
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    DeliveryResult result;
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      thread.setContextClassLoader(empty);
      SmtpEmailChannelProvider provider = provider(values, Clock.systemUTC());
      result =
          provider.send(
              TestSupport.email("k-tccl", "a@example.test")
                  .attachments(
                      List.of(
                          new io.herald.plugin.api.OutboundMessage.Attachment(
                              "a.txt", "text/plain", new byte[] {'x'})))
                  .build());
      assertThat(thread.getContextClassLoader()).isSameAs(empty);
    } finally {
      thread.setContextClassLoader(original);
    }

    assertThat(result).isEqualTo(DeliveryResult.accepted("<k-tccl@herald.test>"));
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void closeClosesConnectionsIsIdempotentAndLaterSendsArePermanentFailures() throws Exception {
    GreenMail smtp = start(ServerSetup.PROTOCOL_SMTP, 0);
    SmtpEmailChannelProvider provider =
        provider(TestSupport.plainConfig(smtp.getSmtp().getPort()), Clock.systemUTC());
    provider.send(TestSupport.email("k", "a@example.test").build());

    provider.close();
    provider.close();

    assertThat(provider.send(TestSupport.email("k2", "a@example.test").build()))
        .isEqualTo(DeliveryResult.permanent("provider is closed"));
    assertThat(provider.health().status().name()).isEqualTo("DOWN");
    assertThat(Arrays.asList(smtp.getReceivedMessages())).hasSize(1);
  }
}
