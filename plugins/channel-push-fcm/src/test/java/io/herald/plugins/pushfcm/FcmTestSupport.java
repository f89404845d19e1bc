package io.herald.plugins.pushfcm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.OutboundMessage;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Keys, service-account files, configs and FCM's documented answers for the tests. */
final class FcmTestSupport {

  static final String PROJECT = "herald-push-test";
  static final String CLIENT_EMAIL = "fcm-sender@herald-push-test.iam.gserviceaccount.com";
  static final String KEY_ID = "5f1c8e2a9b7d4c3e0a6f8b2d1c4e7a9f0b3d6c8e";
  static final String TOKEN_PATH = "/token";
  static final String SEND_PATH = "/v1/projects/" + PROJECT + "/messages:send";
  static final String ACCESS_TOKEN = "ya29.c.b0AXv0zTest-access-token-0001";
  static final String DEVICE =
      "eHcE2nQkRZ-mXfVDiR7Ibs:APA91bGkT1Xq3vN9yJ0dLx7pR2sW5uZ8aC1fE4hK6mO9qT2vY5xB8eG1jM4nP7rU0";

  /**
   * FCM's success answer (firebase.google.com/docs/reference/fcm/rest/v1/projects.messages/send:
   * "If successful, the response body contains a newly created instance of Message", of which only
   * {@code name} is set: "projects/*&#47;messages/{message_id}").
   */
  static final String MESSAGE_NAME =
      "projects/" + PROJECT + "/messages/0:1500415314455276%31bd1c9631bd1c96";

  static final ObjectMapper MAPPER = new ObjectMapper();

  private FcmTestSupport() {}

  static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pkcs8Pem(KeyPair keys) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }

  /** A service-account key file as Google's console downloads it, with {@code tokenUri}. */
  static String serviceAccountJson(KeyPair keys, String tokenUri) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("type", "service_account");
    json.put("project_id", PROJECT);
    json.put("private_key_id", KEY_ID);
    json.put("private_key", pkcs8Pem(keys));
    json.put("client_email", CLIENT_EMAIL);
    json.put("client_id", "104918463821937465012");
    json.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
    json.put("token_uri", tokenUri);
    json.put("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs");
    json.put(
        "client_x509_cert_url",
        "https://www.googleapis.com/robot/v1/metadata/x509/fcm-sender%40herald-push-test.iam.gserviceaccount.com");
    json.put("universe_domain", "googleapis.com");
    return json.toString();
  }

  static Map<String, String> config(KeyPair keys, String baseUrl) {
    Map<String, String> values = new HashMap<>();
    values.put(FcmSchema.SERVICE_ACCOUNT_JSON, serviceAccountJson(keys, baseUrl + TOKEN_PATH));
    values.put(FcmSchema.BASE_URL, baseUrl);
    values.put(FcmSchema.TIMEOUT_MS, "5000");
    return values;
  }

  static ChannelConfig channelConfig(KeyPair keys, String baseUrl) {
    return new ChannelConfig(config(keys, baseUrl));
  }

  /**
   * Google's token endpoint answer to a JWT bearer grant (developers.google.com/identity/protocols
   * /oauth2/service-account, "Handling the response").
   */
  static MappingBuilder tokenStub(String accessToken) {
    return post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenResponse(accessToken));
  }

  static ResponseDefinitionBuilder tokenResponse(String accessToken) {
    return okJson(
        "{\"access_token\":\"" + accessToken + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
  }

  static MappingBuilder sendStub(ResponseDefinitionBuilder response) {
    return post(urlPathEqualTo(SEND_PATH)).willReturn(response);
  }

  static ResponseDefinitionBuilder sent() {
    return okJson("{\"name\":\"" + MESSAGE_NAME + "\"}");
  }

  /** FCM's error body with an FcmError detail. */
  static ResponseDefinitionBuilder fcmError(
      int status, String googleStatus, String message, String errorCode) {
    String details =
        errorCode == null
            ? ""
            : ",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                + "\"errorCode\":\""
                + errorCode
                + "\"}]";
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(
            "{\"error\":{\"code\":"
                + status
                + ",\"message\":\""
                + message
                + "\",\"status\":\""
                + googleStatus
                + "\""
                + details
                + "}}");
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
}
