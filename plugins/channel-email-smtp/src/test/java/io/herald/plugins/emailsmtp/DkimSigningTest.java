package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.tck.TestPluginContext;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DKIM signatures checked by an independent verifier (Apache James jDKIM). */
class DkimSigningTest {

  private static final KeyPair KEYS = TestSupport.rsaKeyPair();
  private static final KeyPair OTHER_KEYS = TestSupport.rsaKeyPair();

  @RegisterExtension
  final GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private final TestPluginContext context =
      new TestPluginContext("channel-email-smtp", Clock.systemUTC());

  private Map<String, String> dkimConfig() {
    Map<String, String> values = TestSupport.anonymousConfig(greenMail.getSmtp().getPort());
    values.put("dkim_domain", "herald.test");
    values.put("dkim_selector", "s2026");
    values.put("dkim_private_key", TestSupport.pkcs8Pem(KEYS));
    return values;
  }

  private byte[] sendAndReceiveRaw() throws Exception {
    try (ChannelProvider provider =
        new SmtpEmailChannelProviderFactory().create(TestSupport.config(dkimConfig()), context)) {
      DeliveryResult result =
          provider.send(
              TestSupport.email("k-dkim", "Zoë <zoe@example.test>")
                  .subject("Grüße ✓")
                  .body("<p>Grüße, long line " + "x".repeat(200) + "</p>")
                  .headers(
                      Map.of(
                          "List-Unsubscribe", "<https://herald.test/u/1>",
                          "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
                  .build());
      assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
    }
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    received[0].writeTo(raw);
    return raw.toByteArray();
  }

  private static DKIMVerifier verifierFor(KeyPair keys) {
    String record = "v=DKIM1; k=rsa; p=" + TestSupport.publicKeyBase64(keys);
    return new DKIMVerifier(
        (method, selector, domain) -> {
          if ("s2026".contentEquals(selector) && "herald.test".contentEquals(domain)) {
            return List.of(record);
          }
          return List.of();
        });
  }

  @Test
  void theSignatureVerifiesWithThePublicKey() throws Exception {
    byte[] raw = sendAndReceiveRaw();

    List<SignatureRecord> signatures = verifierFor(KEYS).verify(new ByteArrayInputStream(raw));

    assertThat(signatures).hasSize(1);
    SignatureRecord signature = signatures.get(0);
    assertThat(signature.getDToken()).hasToString("herald.test");
    assertThat(signature.getSelector()).hasToString("s2026");
    assertThat(signature.getHashAlgo()).hasToString("sha-256");
    assertThat(signature.getHeaderCanonicalisationMethod()).hasToString("relaxed");
    assertThat(signature.getBodyCanonicalisationMethod()).hasToString("relaxed");
    assertThat(signature.getHeaders().stream().map(h -> h.toString().toLowerCase()))
        .contains(
            "from",
            "to",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "content-type",
            "list-unsubscribe",
            "list-unsubscribe-post");
  }

  @Test
  void theSignatureFailsWithAnotherKeyOrATamperedBody() throws Exception {
    byte[] raw = sendAndReceiveRaw();
    byte[] tampered =
        new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace("long line", "LONG line")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> verifierFor(OTHER_KEYS).verify(new ByteArrayInputStream(raw)))
        .isInstanceOf(FailException.class);
    assertThatThrownBy(() -> verifierFor(KEYS).verify(new ByteArrayInputStream(tampered)))
        .isInstanceOf(FailException.class);
  }

  @Test
  void aBadKeyIsAnInvalidConfigNamingTheField() {
    Map<String, String> values = dkimConfig();
    values.put(
        "dkim_private_key", "-----BEGIN PRIVATE KEY-----\nnot-base64!\n-----END PRIVATE KEY-----");

    assertThatThrownBy(
            () -> new SmtpEmailChannelProviderFactory().create(TestSupport.config(values), context))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("dkim_private_key: is not a valid RSA PKCS#8 PEM key");
  }

  @Test
  void aPartialDkimConfigIsRefused() {
    Map<String, String> values = dkimConfig();
    values.remove("dkim_selector");

    assertThatThrownBy(
            () -> new SmtpEmailChannelProviderFactory().create(TestSupport.config(values), context))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("dkim_selector: is required when DKIM is configured");
  }
}
