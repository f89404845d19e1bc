package io.herald.plugins.emailsmtp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Message-IDs derived from the idempotency key, so that a retry of the same delivery (after a
 * crash, say) carries the same {@code Message-ID} and receivers can recognise the duplicate.
 */
final class MessageIds {

  private static final int MAX_LOCAL_PART = 128;

  private MessageIds() {}

  /**
   * {@code <sanitized key@domain>}: letters, digits, {@code -} and {@code _} of the key are kept,
   * every other byte of its UTF-8 form becomes {@code =XX}, so different keys give different ids.
   * Keys whose encoded form is longer than 128 characters are replaced by their SHA-256.
   */
  static String of(String idempotencyKey, String domain) {
    StringBuilder local = new StringBuilder();
    for (byte b : idempotencyKey.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        local.append(c);
      } else {
        local.append('=').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    String id = local.toString();
    if (id.isEmpty()) {
      id = "=";
    }
    if (id.length() > MAX_LOCAL_PART) {
      id = "sha256-" + sha256(idempotencyKey);
    }
    return "<" + id + "@" + domain + ">";
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
