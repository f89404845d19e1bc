package io.herald.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs texts with HMAC-SHA256 under one key (typically {@link SecretCipher#deriveKey}), as
 * unpadded base64url, and checks signatures in constant time.
 */
public final class HmacSigner {

  private final SecretKeySpec key;

  /**
   * @param key the key bytes; copied
   */
  public HmacSigner(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** The signature of {@code text}. */
  public String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Whether {@code signature} is {@link #sign}'s for {@code text} (constant time). */
  public boolean verify(String text, String signature) {
    if (signature == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(text).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.UTF_8));
  }
}
