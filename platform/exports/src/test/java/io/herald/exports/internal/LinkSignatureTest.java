package io.herald.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.shared.crypto.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class LinkSignatureTest {

  private final SecretCipher cipher = SecretCipher.fromBase64Key(SecretCipher.generateBase64Key());
  private final LinkSignature signature =
      new LinkSignature(cipher.deriveKey(LinkSignature.PURPOSE));

  @Test
  void signsIdAndExpiryWithHmacSha256AsUnpaddedBase64Url() throws Exception {
    byte[] key = cipher.deriveKey("exports.download-link");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String expected =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                mac.doFinal("export-download:12:1900000000".getBytes(StandardCharsets.UTF_8)));
    assertThat(signature.sign(12, 1900000000L)).isEqualTo(expected).hasSize(43);
    assertThat(signature.verify(12, 1900000000L, expected)).isTrue();
  }

  @Test
  void anyChangeToIdExpirySignatureOrKeyIsRefused() {
    String signed = signature.sign(12, 1900000000L);
    assertThat(signature.verify(13, 1900000000L, signed)).isFalse();
    assertThat(signature.verify(12, 1900000001L, signed)).isFalse();
    assertThat(signature.verify(12, 1900000000L, signed.substring(1) + "A")).isFalse();
    assertThat(signature.verify(12, 1900000000L, "")).isFalse();
    assertThat(signature.verify(12, 1900000000L, null)).isFalse();
    LinkSignature otherNode =
        new LinkSignature(
            SecretCipher.fromBase64Key(SecretCipher.generateBase64Key())
                .deriveKey(LinkSignature.PURPOSE));
    assertThat(otherNode.verify(12, 1900000000L, signed)).isFalse();
  }

  @Test
  void nodesSharingTheSecretKeyAcceptEachOthersLinks() {
    String base64 = SecretCipher.generateBase64Key();
    LinkSignature one =
        new LinkSignature(SecretCipher.fromBase64Key(base64).deriveKey(LinkSignature.PURPOSE));
    LinkSignature two =
        new LinkSignature(SecretCipher.fromBase64Key(base64).deriveKey(LinkSignature.PURPOSE));
    assertThat(two.verify(5, 1700000000L, one.sign(5, 1700000000L))).isTrue();
  }
}
