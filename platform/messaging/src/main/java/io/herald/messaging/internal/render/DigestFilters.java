package io.herald.messaging.internal.render;

import static io.herald.messaging.internal.render.Values.text;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import liqp.filters.Filter;

/** Customer.io's hashing and Base64 filters. Digests are lowercase hex, as Customer.io's are. */
final class DigestFilters {

  private DigestFilters() {}

  static List<Filter> all() {
    return List.of(
        new FunctionFilter("md5", 0, 0, (v, p) -> digest("MD5", text(v))),
        new FunctionFilter("sha1", 0, 0, (v, p) -> digest("SHA-1", text(v))),
        new FunctionFilter("sha256", 0, 0, (v, p) -> digest("SHA-256", text(v))),
        new FunctionFilter("hmac_sha1", 1, 1, (v, p) -> hmac("HmacSHA1", text(v), text(p[0]))),
        new FunctionFilter("hmac_sha256", 1, 1, (v, p) -> hmac("HmacSHA256", text(v), text(p[0]))),
        new FunctionFilter("base64", 0, 0, (v, p) -> encode(Base64.getEncoder(), text(v))),
        new FunctionFilter("base64_encode", 0, 0, (v, p) -> encode(Base64.getEncoder(), text(v))),
        new FunctionFilter(
            "base64_decode", 0, 0, (v, p) -> decode("base64_decode", Base64.getDecoder(), v)),
        new FunctionFilter(
            "base64_url_safe_encode", 0, 0, (v, p) -> encode(Base64.getUrlEncoder(), text(v))),
        new FunctionFilter(
            "base64_url_safe_decode",
            0,
            0,
            (v, p) -> decode("base64_url_safe_decode", Base64.getUrlDecoder(), v)),
        new FunctionFilter("hex_base64", 0, 0, (v, p) -> hexToBase64(text(v))));
  }

  private static String digest(String algorithm, String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  private static String hmac(String algorithm, String text, String key) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  private static String encode(Base64.Encoder encoder, String text) {
    return encoder.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String filter, Base64.Decoder decoder, Object value) {
    try {
      return new String(decoder.decode(text(value).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw RenderFailure.filter(filter, "input is not valid Base64");
    }
  }

  private static String hexToBase64(String hex) {
    try {
      return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex.strip()));
    } catch (IllegalArgumentException e) {
      throw RenderFailure.filter("hex_base64", "input is not a hex string");
    }
  }
}
