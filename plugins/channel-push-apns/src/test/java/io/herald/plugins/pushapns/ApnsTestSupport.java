package io.herald.plugins.pushapns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.OutboundMessage;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** Keys, configs, a TLS context for WireMock's self-signed certificate, and APNs' answers. */
final class ApnsTestSupport {

  static final String KEY_ID = "ABC123DEFG";
  static final String TEAM_ID = "DEF123GHIJ";
  static final String TOPIC = "test.acme.app";
  static final String DEVICE = "740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad";
  static final String DEVICE_PATH = "/3/device/" + DEVICE;

  static final ObjectMapper MAPPER = new ObjectMapper();

  private ApnsTestSupport() {}

  static KeyPair p256KeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key as Apple's .p8 download holds it: PKCS#8 PEM, 64-character lines. */
  static String p8(KeyPair keys) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----";
  }

  static Map<String, String> config(KeyPair keys, String baseUrl) {
    Map<String, String> values = new HashMap<>();
    values.put(ApnsSchema.KEY_P8, p8(keys));
    values.put(ApnsSchema.KEY_ID, KEY_ID);
    values.put(ApnsSchema.TEAM_ID, TEAM_ID);
    values.put(ApnsSchema.BUNDLE_ID, TOPIC);
    values.put(ApnsSchema.ENVIRONMENT, "sandbox");
    values.put(ApnsSchema.BASE_URL, baseUrl);
    values.put(ApnsSchema.TIMEOUT_MS, "5000");
    return values;
  }

  /** A factory whose providers trust any server certificate: WireMock's self-signed one. */
  static ApnsChannelProviderFactory factory() {
    return new ApnsChannelProviderFactory(Optional.of(trustAll()));
  }

  static SSLContext trustAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAll()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** APNs' success: status 200, an empty body and the apns-id header. */
  static MappingBuilder sendStub(ResponseDefinitionBuilder answer) {
    return post(urlPathEqualTo(DEVICE_PATH)).willReturn(answer);
  }

  static ResponseDefinitionBuilder accepted(String apnsId) {
    return aResponse().withStatus(200).withHeader("apns-id", apnsId);
  }

  /** APNs' error answer: {"reason":…} (Handling notification responses from APNs). */
  static ResponseDefinitionBuilder apnsError(int status, String reason) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("apns-id", "6E3C43A4-5A1B-4E7A-9C5F-1A2B3C4D5E6F")
        .withBody(
            status == 410
                ? "{\"reason\":\"" + reason + "\",\"timestamp\":1764460800000}"
                : "{\"reason\":\"" + reason + "\"}");
  }

  static OutboundMessage.Builder push(String key) {
    return OutboundMessage.builder(key, ChannelKind.PUSH, DEVICE)
        .subject("Your order shipped")
        .body("It arrives on Tuesday.");
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Accepts every certificate and skips the host name check (that is what the extended API does).
   */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
