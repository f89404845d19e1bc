package io.herald.plugins.pushfcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a Google service-account key file that FCM needs. {@code toString()} never shows the
 * private key.
 *
 * @param projectId the Firebase project ({@code project_id})
 * @param clientEmail the account's address, the JWT issuer ({@code client_email})
 * @param privateKeyId the key's id, sent as the JWT {@code kid} when present ({@code
 *     private_key_id})
 * @param privateKey the RSA key that signs the JWT ({@code private_key}, PKCS#8 PEM)
 * @param tokenUri where access tokens come from, also the JWT audience ({@code token_uri})
 */
record ServiceAccount(
    String projectId,
    String clientEmail,
    Optional<String> privateKeyId,
    RSAPrivateKey privateKey,
    URI tokenUri) {

  /** Google's token endpoint, used when the key file names none. */
  static final URI DEFAULT_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");

  private static final String FIELD = FcmSchema.SERVICE_ACCOUNT_JSON;

  ServiceAccount {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(clientEmail, "clientEmail");
    Objects.requireNonNull(privateKeyId, "privateKeyId");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(tokenUri, "tokenUri");
  }

  /**
   * Reads a key file.
   *
   * @param json the file's text
   * @param mapper the JSON reader
   * @param problems where each problem is added, naming the setting and never a value
   * @return the account, or empty when there were problems
   */
  static Optional<ServiceAccount> parse(String json, ObjectMapper mapper, List<String> problems) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      problems.add(FIELD + ": is not valid JSON");
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      problems.add(FIELD + ": is not a JSON object");
      return Optional.empty();
    }
    List<String> found = new ArrayList<>();
    String projectId = text(root, "project_id", found);
    String clientEmail = text(root, "client_email", found);
    String pem = text(root, "private_key", found);
    problems.addAll(found);
    if (!root.path("type").asText("service_account").equals("service_account")) {
      problems.add(FIELD + ": type is not service_account");
    }
    RSAPrivateKey key = null;
    if (pem != null) {
      key = rsaKey(pem).orElse(null);
      if (key == null) {
        problems.add(FIELD + ": private_key is not an RSA PKCS#8 PEM key");
      }
    }
    URI tokenUri = DEFAULT_TOKEN_URI;
    String tokenUriText = root.path("token_uri").asText("");
    if (!tokenUriText.isBlank()) {
      Optional<URI> parsed = httpUri(tokenUriText);
      if (parsed.isEmpty()) {
        problems.add(FIELD + ": token_uri is not an absolute http or https URL");
      } else {
        tokenUri = parsed.get();
      }
    }
    if (projectId != null && !projectId.matches("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]")) {
      problems.add(FIELD + ": project_id is not a Google Cloud project id");
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> keyId =
        Optional.of(root.path("private_key_id").asText("")).filter(s -> !s.isBlank());
    return Optional.of(new ServiceAccount(projectId, clientEmail, keyId, key, tokenUri));
  }

  /** An absolute http(s) URI, if {@code text} is one. */
  static Optional<URI> httpUri(String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode root, String name, List<String> problems) {
    JsonNode value = root.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      problems.add(FIELD + ": " + name + " is missing");
      return null;
    }
    return value.asText().trim();
  }

  private static Optional<RSAPrivateKey> rsaKey(String pem) {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return Optional.of(
          (RSAPrivateKey)
              KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
    } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /** The project and the account; never the key. */
  @Override
  public String toString() {
    return "ServiceAccount[" + clientEmail + " in " + projectId + "]";
  }
}
