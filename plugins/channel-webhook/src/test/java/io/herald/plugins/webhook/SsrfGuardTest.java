package io.herald.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.tck.TestPluginContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default settings refuse every address that is not public, before connecting, with a reason
 * that says how to allow it; the allow-list and the switch let chosen ranges through.
 */
class SsrfGuardTest {

  private final TestPluginContext context = new TestPluginContext("channel-webhook");
  private ServerSocket listener;
  private final AtomicInteger connections = new AtomicInteger();
  private Thread acceptor;

  /** A local listener that counts connections: a refused call must never reach it. */
  @BeforeEach
  void listen() throws Exception {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                  connections.incrementAndGet();
                } catch (Exception e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws Exception {
    listener.close();
    acceptor.join(5_000);
  }

  private DeliveryResult sendWithDefaults(String url, WebhookChannelProvider.Resolver dns)
      throws InvalidConfigException {
    try (WebhookChannelProvider provider = WebhookTestSupport.provider(Map.of(), context, dns)) {
      return provider.send(WebhookTestSupport.webhook("s-1", url).body("{}").build());
    }
  }

  private static WebhookChannelProvider.Resolver resolvesTo(String... addresses) {
    return host -> {
      InetAddress[] result = new InetAddress[addresses.length];
      for (int i = 0; i < addresses.length; i++) {
        result[i] =
            InetAddress.getByAddress(host, InetAddress.getByName(addresses[i]).getAddress());
      }
      return result;
    };
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:PORT/x, 127.0.0.1, a loopback, 127.0.0.1/32",
    "http://[::1]:PORT/x, ::1, a loopback, 0:0:0:0:0:0:0:1/128",
    "http://169.254.169.254/latest/meta-data/, 169.254.169.254, the cloud metadata, 169.254.169.254/32",
    "http://10.0.0.5/hook, 10.0.0.5, a private, 10.0.0.5/32",
    "http://192.168.1.20/hook, 192.168.1.20, a private, 192.168.1.20/32",
    "http://[fd12:3456::1]/hook, fd12:3456::1, a unique-local (private), fd12:3456:0:0:0:0:0:1/128",
    "http://0.0.0.0:PORT/, 0.0.0.0, an unspecified (\"this network\"), 0.0.0.0/32",
    "http://[::ffff:127.0.0.1]:PORT/, 127.0.0.1, a loopback, 127.0.0.1/32",
  })
  void literalAddressesThatAreNotPublicAreRefused(String url, String ip, String kind, String range)
      throws Exception {
    String host = url.replaceAll("^http://\\[?([^\\]/]*?)\\]?(:PORT)?/.*$", "$1");
    DeliveryResult result =
        sendWithDefaults(
            url.replace("PORT", String.valueOf(listener.getLocalPort())),
            InetAddress::getAllByName);

    assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
    String reason = ((DeliveryResult.PermanentFailure) result).reason();
    assertThat(reason)
        .startsWith("refused: " + host + " resolves to " + kind + " address ")
        .contains(" (allow it with the channel setting allowed_networks, e.g. " + range);
    assertThat(connections).hasValue(0);
  }

  @Test
  void theReasonNamesTheHostTheAddressAndTheSettings() throws Exception {
    DeliveryResult result =
        sendWithDefaults("https://hooks.internal.test/x", resolvesTo("10.0.0.5"));

    assertThat(result)
        .isEqualTo(
            DeliveryResult.permanent(
                "refused: hooks.internal.test resolves to a private address 10.0.0.5 (allow it"
                    + " with the channel setting allowed_networks, e.g. 10.0.0.5/32, or"
                    + " allow_private_networks=true)"));
  }

  @Test
  void aNameResolvingToLoopbackIsRefused() throws Exception {
    DeliveryResult result =
        sendWithDefaults(
            "http://localhost:" + listener.getLocalPort() + "/x", InetAddress::getAllByName);

    assertThat(((DeliveryResult.PermanentFailure) result).reason())
        .startsWith("refused: localhost resolves to a loopback address ");
    assertThat(connections).hasValue(0);
  }

  @Test
  void everyAddressANameResolvesToIsChecked() throws Exception {
    DeliveryResult result =
        sendWithDefaults(
            "http://mixed.example.test/x", resolvesTo("93.184.215.14", "2606:4700::1", "10.1.2.3"));

    assertThat(((DeliveryResult.PermanentFailure) result).reason())
        .startsWith("refused: mixed.example.test resolves to a private address 10.1.2.3 ");
  }

  @Test
  void privateAddressesHiddenInIpv6AreRefused() throws Exception {
    assertThat(sendWithDefaults("http://nat64.test/", resolvesTo("64:ff9b::a00:5")))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(sendWithDefaults("http://6to4.test/", resolvesTo("2002:7f00:1::1")))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(sendWithDefaults("http://linklocal.test/", resolvesTo("fe80::1")))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
  }

  @Test
  void theAllowListAndTheSwitchLetPrivateAddressesThrough() throws Exception {
    String url = "http://127.0.0.1:" + listener.getLocalPort() + "/x";
    try (WebhookChannelProvider allowList =
            WebhookTestSupport.provider(
                Map.of(WebhookSchema.ALLOWED_NETWORKS, "10.0.0.0/8,127.0.0.0/8"), context);
        WebhookChannelProvider allowAll =
            WebhookTestSupport.provider(
                Map.of(WebhookSchema.ALLOW_PRIVATE_NETWORKS, "true"), context);
        WebhookChannelProvider otherRange =
            WebhookTestSupport.provider(
                Map.of(WebhookSchema.ALLOWED_NETWORKS, "10.0.0.0/8"), context)) {
      // The listener closes at once: a retryable failure shows the call got through the guard.
      assertThat(allowList.send(WebhookTestSupport.webhook("a-1", url).build()))
          .isInstanceOf(DeliveryResult.RetryableFailure.class);
      assertThat(allowAll.send(WebhookTestSupport.webhook("a-2", url).build()))
          .isInstanceOf(DeliveryResult.RetryableFailure.class);
      assertThat(otherRange.send(WebhookTestSupport.webhook("a-3", url).build()))
          .isInstanceOf(DeliveryResult.PermanentFailure.class);
    }
    assertThat(connections).hasValue(2);
  }

  @Test
  void aMalformedAllowListIsRefusedWhenCreated() {
    try {
      WebhookTestSupport.provider(
          Map.of(
              WebhookSchema.ALLOWED_NETWORKS,
              "10.0.0.0/8, intranet.local, 10.0.0.0/33",
              WebhookSchema.DEFAULT_TIMEOUT_SECONDS,
              "0"),
          context);
      throw new AssertionError("expected InvalidConfigException");
    } catch (InvalidConfigException e) {
      assertThat(e.problems())
          .containsExactly(
              "default_timeout_seconds: must be from 1 to 300",
              "allowed_networks: not an IP address range: intranet.local",
              "allowed_networks: prefix length out of range: 10.0.0.0/33");
    }
  }
}
