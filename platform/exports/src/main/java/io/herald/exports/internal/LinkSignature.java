package io.herald.exports.internal;

import io.herald.shared.crypto.HmacSigner;

/**
 * Signs and checks download links: the signature is the unpadded base64url HMAC-SHA256 of {@code
 * "export-download:<id>:<expires>"} under a key derived from the node's secret key ({@code
 * SecretCipher.deriveKey("exports.download-link")}), so every node of a cluster (sharing {@code
 * HERALD_SECRET_KEY}) accepts the links any node made, and changing the key voids them all.
 */
final class LinkSignature {

  /** The key-derivation purpose. */
  static final String PURPOSE = "exports.download-link";

  private final HmacSigner signer;

  LinkSignature(byte[] key) {
    this.signer = new HmacSigner(key);
  }

  /** The signature of the link to export {@code id} expiring at Unix second {@code expires}. */
  String sign(long id, long expires) {
    return signer.sign("export-download:" + id + ":" + expires);
  }

  /** Whether {@code signature} was made by {@link #sign} for this id and expiry (constant time). */
  boolean verify(long id, long expires, String signature) {
    return signer.verify("export-download:" + id + ":" + expires, signature);
  }
}
