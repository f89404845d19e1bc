package io.herald.exports.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks download links: the signature is the unpadded base64url HMAC-SHA256 of {@code
 * "export-download:<id>:<expires>"} under a key derived from the node's secret key ({@code
 * SecretCipher.deriveKey("exports.download-link")}), so every node of a cluster (sharing {@code
 * HERALD_SECRET_KEY}) accepts the links any node made, and changing the key voids them all.
 */
final class LinkSignature {

  /** The key-derivation purpose. */
  static final String PURPOSE = "exports.download-link";

  private final SecretKeySpec key;

  LinkSignature(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** The signature of the link to export {@code id} expiring at Unix second {@code expires}. */
  String sign(long id, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest =
          mac.doFinal(("export-download:" + id + ":" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Whether {@code signature} was made by {@link #sign} for this id and expiry (constant time). */
  boolean verify(long id, long expires, String signature) {
    if (signature == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(id, expires).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.UTF_8));
  }
}
