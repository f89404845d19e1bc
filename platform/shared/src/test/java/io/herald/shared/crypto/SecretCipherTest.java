package io.herald.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private final SecretCipher cipher = SecretCipher.fromBase64Key(SecretCipher.generateBase64Key());

  @Test
  void roundTripsAndNeverRepeatsCiphertext() {
    String a = cipher.encrypt("twilio-auth-token");
    String b = cipher.encrypt("twilio-auth-token");
    assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("twilio");
    assertThat(cipher.decrypt(a)).isEqualTo("twilio-auth-token");
    assertThat(cipher.decrypt(b)).isEqualTo("twilio-auth-token");
  }

  @Test
  void anotherKeyOrATamperedValueIsRefused() {
    String sealed = cipher.encrypt("secret");
    SecretCipher other = SecretCipher.fromBase64Key(SecretCipher.generateBase64Key());
    assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("another key or altered");
    byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
    raw[raw.length - 1] ^= 1;
    String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.decrypt("plain")).hasMessageContaining("v1:");
  }

  @Test
  void derivedKeysAreStablePerPurposeAndIndependentOfEachOther() throws Exception {
    String base64 = Base64.getEncoder().encodeToString(new byte[32]);
    byte[] links = SecretCipher.fromBase64Key(base64).deriveKey("exports.download-link");
    assertThat(links).hasSize(32);
    // Another node with the same secret key derives the same key: HMAC-SHA256(key, "herald:"+use).
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
    assertThat(links)
        .isEqualTo(
            mac.doFinal(
                "herald:exports.download-link".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo(SecretCipher.fromBase64Key(base64).deriveKey("exports.download-link"));
    assertThat(SecretCipher.fromBase64Key(base64).deriveKey("other")).isNotEqualTo(links);
    assertThat(cipher.deriveKey("exports.download-link")).isNotEqualTo(links);
  }

  @Test
  void keysMustBe256BitsOfBase64() {
    assertThatThrownBy(() -> SecretCipher.fromBase64Key("not base64!"))
        .hasMessageContaining("not base64");
    assertThatThrownBy(
            () -> SecretCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("32 bytes");
  }
}
