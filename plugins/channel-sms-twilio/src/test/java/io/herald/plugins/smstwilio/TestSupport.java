package io.herald.plugins.smstwilio;

import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.OutboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Shared values and helpers of the plugin's tests. */
final class TestSupport {

  static final String ACCOUNT_SID = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final String AUTH_TOKEN = "8e2c1f0a4b7d93e65f1c0a2b3d4e5f60";
  static final String API_KEY_SID = "SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  static final String API_KEY_SECRET = "kS3cr3t-Qw9xLm2Zp7Rt4Vy8";
  static final String SERVICE_SID = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final String FROM = "+14155552345";
  static final String TO = "+15557122661";
  static final String CALLBACK_URL = "https://herald.example.com/callbacks/Zt0k3n";
  static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

  private TestSupport() {}

  /** Account SID, auth token and a sender, pointed at {@code baseUrl}. */
  static Map<String, String> config(String baseUrl) {
    Map<String, String> values = new TreeMap<>();
    values.put("account_sid", ACCOUNT_SID);
    values.put("auth_token", AUTH_TOKEN);
    values.put("from_number", FROM);
    values.put("base_url", baseUrl);
    return values;
  }

  /** An SMS to {@link #TO}. */
  static OutboundMessage sms(String key, String body) {
    return OutboundMessage.builder(key, ChannelKind.SMS, TO).body(body).build();
  }

  /** A test resource as text. */
  static String resource(String name) {
    try (InputStream in = TestSupport.class.getResourceAsStream("/twilio/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Twilio's signature, written here independently of the plugin: Base64(HMAC-SHA1(token, url +
   * each parameter's name and value, sorted by name)).
   */
  static String sign(String token, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A form POST to {@code CALLBACK_URL/subPath}, signed with {@code signature} (null: none). */
  static InboundCallback post(String subPath, Map<String, String> params, String signature) {
    String url = subPath.isEmpty() ? CALLBACK_URL : CALLBACK_URL + "/" + subPath;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
    headers.put("I-Twilio-Idempotency-Token", List.of("5a7e8f6c-0000-4000-8000-000000000001"));
    if (signature != null) {
      headers.put("X-Twilio-Signature", List.of(signature));
    }
    return new InboundCallback(
        "POST",
        subPath,
        headers,
        Map.of(),
        encode(params).getBytes(StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded",
        "54.172.60.1",
        url);
  }

  /** A form POST signed correctly with {@link #AUTH_TOKEN}. */
  static InboundCallback signedPost(String subPath, Map<String, String> params) {
    String url = subPath.isEmpty() ? CALLBACK_URL : CALLBACK_URL + "/" + subPath;
    return post(subPath, params, sign(AUTH_TOKEN, url, params));
  }

  static String encode(Map<String, String> params) {
    StringBuilder body = new StringBuilder();
    params.forEach(
        (k, v) -> {
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return body.toString();
  }
}
