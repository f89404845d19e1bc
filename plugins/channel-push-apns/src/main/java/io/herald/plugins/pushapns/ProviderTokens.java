package io.herald.plugins.pushapns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.System.Logger.Level;
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
 * APNs provider authentication tokens (Apple's "Establishing a token-based connection to APNs"): a
 * JWT with header {@code {"alg":"ES256","kid":keyId}} and claims {@code {"iss":teamId,"iat":…}},
 * signed with ES256 in JOSE form (the 64-byte R||S concatenation of RFC 7518 3.4, not DER). One
 * token is reused for {@code token_refresh_minutes} (20 to 50) by the context's clock: Apple
 * refuses a new token more often than every 20 minutes and a token older than 60. Only one thread
 * signs at a time.
 */
final class ProviderTokens {

  private final ApnsSettings settings;
  private final Clock clock;
  private final ObjectMapper mapper;
  private final System.Logger logger;
  private final ReentrantLock refresh = new ReentrantLock();
  private volatile Token current;

  ProviderTokens(ApnsSettings settings, Clock clock, ObjectMapper mapper, System.Logger logger) {
    this.settings = settings;
    this.clock = clock;
    this.mapper = mapper;
    this.logger = logger;
  }

  /** The current token, signing a new one when there is none or it is due. */
  String get() {
    Token token = current;
    Instant now = clock.instant();
    if (token != null && token.usableAt(now, settings.tokenRefresh())) {
      return token.value();
    }
    refresh.lock();
    try {
      token = current;
      now = clock.instant();
      if (token != null && token.usableAt(now, settings.tokenRefresh())) {
        return token.value();
      }
      Token signed = new Token(sign(now), now);
      current = signed;
      logger.log(
          Level.DEBUG,
          "APNs provider token signed for key {0}, team {1}",
          settings.keyId(),
          settings.teamId());
      return signed.value();
    } finally {
      refresh.unlock();
    }
  }

  /** Forgets {@code stale} (APNs called it expired), unless another thread already replaced it. */
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

  /** A signed token for {@code now}. */
  String sign(Instant now) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "ES256");
    header.put("kid", settings.keyId());
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", settings.teamId());
    claims.put("iat", now.getEpochSecond());
    String signingInput = base64Url(json(header)) + "." + base64Url(json(claims));
    try {
      // The P1363 format is the JOSE one: R and S, 32 bytes each, no DER wrapping.
      Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
      ecdsa.initSign(settings.key());
      ecdsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64Url(ecdsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ES256 signing failed: " + e.getClass().getSimpleName());
    }
  }

  private byte[] json(Map<String, Object> value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JWT part could not be written", e);
    }
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A token and when it was issued. */
  private record Token(String value, Instant issuedAt) {
    boolean usableAt(Instant now, Duration reuse) {
      return !now.isBefore(issuedAt) && now.isBefore(issuedAt.plus(reuse));
    }

    @Override
    public String toString() {
      return "Token[issued " + issuedAt + "]";
    }
  }
}
