package io.herald.plugins.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.tck.TestPluginContext;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https through the pinned connection: the TLS handshake names the URL's host (SNI) and the
 * certificate is checked against it, although the socket goes to the address the guard checked.
 * WireMock serves a certificate for {@code localhost} made with the JDK's keytool, which the
 * provider under test trusts.
 */
class WebhookTlsTest {

  private static final String PASSWORD = "changeit-tls";

  @TempDir static Path dir;

  private static WireMockServer server;
  private static SSLContext trusting;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("localhost.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "localhost",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue())
        .as(new String(keytool.getInputStream().readAllBytes()))
        .isZero();

    server =
        new WireMockServer(
            wireMockConfig()
                .dynamicHttpsPort()
                .httpDisabled(true)
                .keystorePath(keystore.toString())
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
    server.start();
    server.stubFor(post(urlEqualTo("/tls")).willReturn(aResponse().withStatus(200).withBody("ok")));

    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trust.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    trusting = SSLContext.getInstance("TLS");
    trusting.init(null, factory.getTrustManagers(), null);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static WebhookChannelProvider provider(WebhookChannelProvider.Resolver dns)
      throws Exception {
    return new WebhookChannelProvider(
        WebhookSettings.from(new ChannelConfig(WebhookTestSupport.loopbackConfig())),
        new TestPluginContext("channel-webhook"),
        dns,
        trusting.getSocketFactory());
  }

  @Test
  void aTrustedCertificateForTheHostIsAccepted() throws Exception {
    try (WebhookChannelProvider provider = provider(InetAddress::getAllByName)) {
      DeliveryResult result =
          provider.send(
              WebhookTestSupport.webhook("t-1", "https://localhost:" + server.httpsPort() + "/tls")
                  .body("{\"secure\":true}")
                  .build());

      assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
    }
    server.verify(
        postRequestedFor(urlEqualTo("/tls"))
            .withHeader("Host", equalTo("localhost:" + server.httpsPort())));
  }

  @Test
  void theCertificateMustNameTheUrlsHostNotTheAddress() throws Exception {
    WebhookChannelProvider.Resolver pinned =
        host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
    try (WebhookChannelProvider provider = provider(pinned)) {
      DeliveryResult result =
          provider.send(
              WebhookTestSupport.webhook(
                      "t-2", "https://hooks.other.test:" + server.httpsPort() + "/tls")
                  .body("{}")
                  .build());

      assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
      assertThat(((DeliveryResult.RetryableFailure) result).reason())
          .startsWith("TLS with POST https://hooks.other.test:" + server.httpsPort() + " failed");
    }
  }
}
