package io.herald.plugins.pushfcm;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugins.pushsupport.RetryAfter;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * FCM's error answers as results. FCM answers {@code
 * {"error":{"code","message","status","details":[…]}}}, where a detail of type {@code
 * type.googleapis.com/google.firebase.fcm.v1.FcmError} carries the FCM {@code errorCode}
 * (firebase.google.com/docs/reference/fcm/rest/v1/ErrorCode: UNREGISTERED 404, INVALID_ARGUMENT
 * 400, SENDER_ID_MISMATCH 403, QUOTA_EXCEEDED 429, UNAVAILABLE 503, INTERNAL 500,
 * THIRD_PARTY_AUTH_ERROR 401) and a {@code google.rpc.BadRequest} detail names invalid fields.
 */
final class FcmErrors {

  static final String FCM_ERROR_TYPE = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
  static final String BAD_REQUEST_TYPE = "type.googleapis.com/google.rpc.BadRequest";

  /** Retry delay when FCM asks for a retry without saying when. */
  static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

  /** Back-off when FCM throttles without a Retry-After. */
  static final Duration DEFAULT_RATE_LIMIT = Duration.ofSeconds(60);

  private FcmErrors() {}

  /**
   * An error answer read: HTTP status, FCM error code (or the Google status when there is none),
   * and FCM's message.
   *
   * @param httpStatus the HTTP status
   * @param errorCode the FcmError {@code errorCode}, else {@code error.status}, else empty
   * @param message {@code error.message}, else empty
   * @param tokenField whether a BadRequest detail names {@code message.token}
   */
  record ErrorAnswer(int httpStatus, String errorCode, String message, boolean tokenField) {

    static ErrorAnswer read(int httpStatus, JsonNode body) {
      JsonNode error = body.path("error");
      String code = "";
      boolean tokenField = false;
      for (JsonNode detail : error.path("details")) {
        String type = detail.path("@type").asText("");
        if (type.equals(FCM_ERROR_TYPE) && detail.path("errorCode").isTextual()) {
          code = detail.path("errorCode").asText();
        } else if (type.equals(BAD_REQUEST_TYPE)) {
          for (JsonNode violation : detail.path("fieldViolations")) {
            tokenField |= violation.path("field").asText("").equals("message.token");
          }
        }
      }
      if (code.isEmpty()) {
        code = error.path("status").asText("");
      }
      return new ErrorAnswer(httpStatus, code, error.path("message").asText(""), tokenField);
    }

    /** A 401 that a fresh access token may cure (not a rejected APNs credential). */
    boolean staleAccessToken() {
      return httpStatus == 401 && !errorCode.equals("THIRD_PARTY_AUTH_ERROR");
    }

    /** FCM's words, for the delivery log: {@code FCM 404 UNREGISTERED: Requested entity…}. */
    String reason() {
      return "FCM "
          + httpStatus
          + (errorCode.isEmpty() ? "" : " " + errorCode)
          + (message.isEmpty() ? "" : ": " + message);
    }
  }

  /** The result for an error answer. */
  static DeliveryResult result(ErrorAnswer error, HttpHeaders headers, Instant now) {
    String code = error.errorCode().toUpperCase(Locale.ROOT);
    int status = error.httpStatus();
    if (code.equals("UNREGISTERED")) {
      return DeliveryResult.invalidRecipient(error.reason());
    }
    if (code.equals("INVALID_ARGUMENT") && aboutTheToken(error)) {
      return DeliveryResult.invalidRecipient(error.reason());
    }
    if (code.equals("QUOTA_EXCEEDED") || code.equals("RESOURCE_EXHAUSTED") || status == 429) {
      return DeliveryResult.rateLimited(RetryAfter.of(headers, now).orElse(DEFAULT_RATE_LIMIT));
    }
    if (code.equals("UNAVAILABLE") || code.equals("INTERNAL") || status >= 500) {
      return DeliveryResult.retryable(
          error.reason(), RetryAfter.of(headers, now).orElse(DEFAULT_RETRY));
    }
    return DeliveryResult.permanent(error.reason());
  }

  /**
   * Whether an INVALID_ARGUMENT is about the registration token: FCM says "The registration token
   * is not a valid FCM registration token", or a BadRequest detail names {@code message.token}.
   */
  private static boolean aboutTheToken(ErrorAnswer error) {
    return error.tokenField()
        || error.message().toLowerCase(Locale.ROOT).contains("registration token");
  }
}
