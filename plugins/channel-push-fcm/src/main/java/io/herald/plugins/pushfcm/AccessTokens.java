package io.herald.plugins.pushfcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugins.pushsupport.RetryAfter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * OAuth2 access tokens for FCM from a service account (Google's "Using OAuth 2.0 for Server to
 * Server Applications": an RS256-signed JWT exchanged at {@code token_uri} with the {@code
 * jwt-bearer} grant). A token is reused until {@link #REFRESH_MARGIN} before it expires by the
 * context's clock; only one thread fetches at a time, the others wait for its token. A failed fetch
 * is remembered for {@link #FAILURE_HOLD}: sends and health checks in that time get the same
 * failure without asking the token endpoint again (wrong credentials do not turn every send into a
 * token request).
 */
final class AccessTokens {

  /** The scope FCM's HTTP v1 API needs. */
  static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

  /** The grant type of a JWT bearer assertion (RFC 7523). */
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  /** A token is replaced this long before it expires (or at half its life, if that is sooner). */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  /** How long a failed token fetch is answered from memory. */
  static final Duration FAILURE_HOLD = Duration.ofSeconds(30);

  private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);
  private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private final ServiceAccount account;
  private final URI tokenUrl;
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;
  private final ObjectMapper mapper;
  private final System.Logger logger;
  private final ReentrantLock refresh = new ReentrantLock();
  private volatile Token current;
  private volatile HeldFailure failure;

  AccessTokens(
      FcmSettings settings,
      HttpClient http,
      Clock clock,
      ObjectMapper mapper,
      System.Logger logger) {
    this.account = settings.account();
    this.tokenUrl = settings.tokenUrl();
    this.timeout = settings.timeout();
    this.http = http;
    this.clock = clock;
    this.mapper = mapper;
    this.logger = logger;
  }

  /**
   * A valid access token, fetched if there is none or it is about to expire.
   *
   * @throws TokenFailure when the token endpoint cannot be reached or refuses the assertion
   */
  String get() throws TokenFailure {
    Token token = current;
    if (token != null && token.freshAt(clock.instant())) {
      return token.value();
    }
    refresh.lock();
    try {
      token = current;
      Instant now = clock.instant();
      if (token != null && token.freshAt(now)) {
        return token.value();
      }
      HeldFailure held = failure;
      if (held != null && now.isBefore(held.until())) {
        throw held.failure();
      }
      try {
        Token fetched = fetch();
        current = fetched;
        failure = null;
        return fetched.value();
      } catch (TokenFailure e) {
        if (!Thread.currentThread().isInterrupted()) {
          failure = new HeldFailure(e, now.plus(FAILURE_HOLD));
        }
        throw e;
      }
    } finally {
      refresh.unlock();
    }
  }

  /** Forgets {@code stale} (FCM refused it), unless another thread already replaced it. */
  void invalidate(String stale) {
    refresh.lock();
    try {
      Token token = current;
      if (token != null && token.value().equals(stale)) {
        current = null;
      }
    } finally {
      refresh.unlock();
    }
  }

  /** The signed JWT assertion for {@code now}. */
  String assertion(Instant now) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    account.privateKeyId().ifPresent(kid -> header.put("kid", kid));
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", account.clientEmail());
    claims.put("scope", SCOPE);
    claims.put("aud", account.tokenUri().toString());
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(ASSERTION_LIFETIME).getEpochSecond());
    String signingInput = base64Url(json(header)) + "." + base64Url(json(claims));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(account.privateKey());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64Url(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RS256 signing failed: " + e.getClass().getSimpleName());
    }
  }

  private Token fetch() throws TokenFailure {
    Instant now = clock.instant();
    String form =
        "grant_type="
            + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
            + "&assertion="
            + URLEncoder.encode(assertion(now), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.US_ASCII))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      logger.log(
          Level.WARNING, "FCM access token request failed: {0}", e.getClass().getSimpleName());
      throw new TokenFailure(
          DeliveryResult.retryable(
              "OAuth token request to " + tokenUrl.getHost() + " failed: " + describe(e),
              Duration.ofSeconds(30)),
          "token request failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenFailure(
          DeliveryResult.retryable("interrupted", Duration.ZERO), "token request interrupted");
    }
    return accept(response, now);
  }

  private Token accept(HttpResponse<String> response, Instant now) throws TokenFailure {
    int status = response.statusCode();
    JsonNode body = readTree(response.body());
    if (status == 200 && body.path("access_token").isTextual()) {
      long seconds = body.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
      Duration lifetime = Duration.ofSeconds(Math.max(seconds, 1));
      Duration margin =
          lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0
              ? lifetime.dividedBy(2)
              : REFRESH_MARGIN;
      logger.log(
          Level.DEBUG,
          "FCM access token for project {0} fetched, valid for {1} s",
          account.projectId(),
          seconds);
      return new Token(body.path("access_token").asText(), now.plus(lifetime).minus(margin));
    }
    // Google answers OAuth errors as {"error":"invalid_grant","error_description":"..."}.
    String error = body.path("error").asText("");
    String description = body.path("error_description").asText("");
    String reason =
        "OAuth token request answered HTTP "
            + status
            + (error.isEmpty() ? "" : " " + error)
            + (description.isEmpty() ? "" : ": " + description);
    logger.log(Level.WARNING, "FCM access token refused: {0}", reason);
    DeliveryResult result;
    if (status == 429) {
      result =
          DeliveryResult.rateLimited(
              RetryAfter.of(response.headers(), now).orElse(Duration.ofSeconds(60)));
    } else if (status >= 500 || status == 408 || status == 200) {
      result =
          DeliveryResult.retryable(
              reason, RetryAfter.of(response.headers(), now).orElse(Duration.ofSeconds(30)));
    } else {
      result = DeliveryResult.permanent(reason);
    }
    throw new TokenFailure(result, reason);
  }

  private JsonNode readTree(String text) {
    try {
      JsonNode node = mapper.readTree(text == null ? "" : text);
      return node == null ? mapper.createObjectNode() : node;
    } catch (JsonProcessingException e) {
      return mapper.createObjectNode();
    }
  }

  private byte[] json(Map<String, Object> value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JWT part could not be written", e);
    }
  }

  static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return e instanceof java.net.http.HttpTimeoutException ? "timed out (" + name + ")" : name;
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A failed fetch and until when it is answered from memory. */
  private record HeldFailure(TokenFailure failure, Instant until) {}

  /** A token and when to stop using it. */
  private record Token(String value, Instant refreshAt) {
    boolean freshAt(Instant now) {
      return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
      return "Token[until " + refreshAt + "]";
    }
  }
}
