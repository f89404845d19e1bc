package io.herald.plugins.smstwilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed with the account's auth token,
 * over the URL Twilio called followed by every POST parameter, sorted by name, as name and value
 * concatenated (https://www.twilio.com/docs/usage/webhooks/webhooks-security). As Twilio's own
 * validators do, the URL is also tried with and without its scheme's default port, since Twilio may
 * sign either form; for a JSON body the URL carries {@code bodySHA256}, which must be the SHA-256
 * of the body.
 */
final class TwilioSignature {

  /** The header Twilio signs its requests in. */
  static final String HEADER = "X-Twilio-Signature";

  private final byte[] key;

  TwilioSignature(String authToken) {
    this.key = authToken.getBytes(StandardCharsets.UTF_8);
  }

  /** The signature Twilio would send for this URL and these form parameters. */
  String compute(String url, Map<String, List<String>> sortedParams) {
    StringBuilder data = new StringBuilder(url);
    sortedParams.forEach(
        (name, values) -> {
          List<String> ordered = new ArrayList<>(values);
          ordered.sort(null);
          for (String value : ordered) {
            data.append(name).append(value);
          }
        });
    return Base64.getEncoder().encodeToString(hmacSha1(data.toString()));
  }

  /** Whether {@code signature} is Twilio's for this URL and these form parameters. */
  boolean matches(String signature, String url, Map<String, List<String>> sortedParams) {
    byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
    for (String candidate : urlVariants(url)) {
      byte[] expected = compute(candidate, sortedParams).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, given)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a JSON body matches the {@code bodySHA256} its URL carries. */
  static boolean bodyMatchesHash(String url, byte[] body) {
    String hash = queryValue(url, "bodySHA256");
    if (hash.isEmpty()) {
      return false;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return MessageDigest.isEqual(
          HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII),
          hash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The URL as given, then without or with the scheme's default port. */
  static Set<String> urlVariants(String url) {
    Set<String> variants = new LinkedHashSet<>();
    variants.add(url);
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      int defaultPort = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
      if (defaultPort < 0 || uri.getRawAuthority() == null || uri.getHost() == null) {
        return variants;
      }
      String authority = uri.getRawAuthority();
      int hostEnd = url.indexOf(authority) + authority.length();
      String rest = url.substring(hostEnd);
      String prefix = url.substring(0, url.indexOf(authority));
      if (uri.getPort() == defaultPort) {
        variants.add(prefix + authority.substring(0, authority.lastIndexOf(':')) + rest);
      } else if (uri.getPort() < 0) {
        variants.add(prefix + authority + ":" + defaultPort + rest);
      }
    } catch (URISyntaxException | IndexOutOfBoundsException e) {
      // Not a URL we can vary; the literal one stays the only candidate.
    }
    return variants;
  }

  private static String queryValue(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) {
      return "";
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return pair.substring(eq + 1);
      }
    }
    return "";
  }

  private byte[] hmacSha1(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JDK cannot compute HMAC-SHA1", e);
    }
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "TwilioSignature[HMAC-SHA1]";
  }
}
