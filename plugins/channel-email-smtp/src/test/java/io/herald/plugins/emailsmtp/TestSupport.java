package io.herald.plugins.emailsmtp;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.OutboundMessage;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Shared helpers: configs, messages and DKIM test keys. */
final class TestSupport {

  static final String USER = "herald";
  static final String PASSWORD = "pw-Sm7p-s3cret-4711";

  private TestSupport() {}

  /** Settings for a plain (security none) server on 127.0.0.1 with the test user. */
  static Map<String, String> plainConfig(int port) {
    Map<String, String> values = new HashMap<>();
    values.put("host", "127.0.0.1");
    values.put("port", Integer.toString(port));
    values.put("security", "none");
    values.put("username", USER);
    values.put("password", PASSWORD);
    values.put("default_from", "Herald <noreply@herald.test>");
    values.put("connect_timeout_ms", "5000");
    values.put("timeout_ms", "10000");
    return values;
  }

  /** Settings for a plain server without authentication. */
  static Map<String, String> anonymousConfig(int port) {
    Map<String, String> values = plainConfig(port);
    values.remove("username");
    values.remove("password");
    return values;
  }

  static ChannelConfig config(Map<String, String> values) {
    return new ChannelConfig(values);
  }

  static OutboundMessage.Builder email(String key, String recipient) {
    return OutboundMessage.builder(key, ChannelKind.EMAIL, recipient)
        .subject("Hello")
        .body("<p>Hello</p>")
        .text("Hello");
  }

  static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pkcs8Pem(KeyPair keyPair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes())
            .encodeToString(keyPair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  static String publicKeyBase64(KeyPair keyPair) {
    return Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded());
  }
}
