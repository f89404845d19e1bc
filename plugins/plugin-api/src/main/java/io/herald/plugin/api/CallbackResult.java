package io.herald.plugin.api;

import java.util.List;

/**
 * What {@link ChannelProvider#handleCallback} made of a callback: the HTTP answer for the caller
 * and the delivery events to apply. When {@link #contentType()} is empty the host answers with the
 * status and its own JSON ({@code {"events":…,"applied":…,"unknown":…}}, plus {@code "message"}
 * carrying {@link #body()} when that is not empty); otherwise it sends the body as is with that
 * content type (for providers that expect an echo or a challenge answer).
 *
 * @param status the HTTP status to answer with (100 to 599): 2xx for a callback taken, 401 or 403
 *     for a failed signature or secret, 400 for a body that cannot be read, 404 when the provider
 *     takes no callbacks
 * @param contentType the media type of a body to send verbatim; empty for the host's JSON answer
 * @param body the verbatim body, or with no content type a short message for the host's JSON answer
 *     (without secrets); may be empty
 * @param events the events found, in order; empty when none (always empty for a non-2xx status)
 * @since 1.2.0
 */
public record CallbackResult(
    int status, String contentType, String body, List<DeliveryEvent> events) {

  /** Checks the status and copies the events; events of a non-2xx answer are refused. */
  public CallbackResult {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be from 100 to 599: " + status);
    }
    contentType = contentType == null ? "" : contentType;
    body = body == null ? "" : body;
    events = events == null ? List.of() : List.copyOf(events);
    if (!events.isEmpty() && (status < 200 || status > 299)) {
      throw new IllegalArgumentException("only a 2xx answer may carry events");
    }
  }

  /**
   * The provider takes no callbacks: 404, no events. What {@link ChannelProvider} does by default.
   */
  public static CallbackResult notHandled() {
    return new CallbackResult(404, "", "", List.of());
  }

  /** The callback was taken: 200 with these events (possibly none). */
  public static CallbackResult accepted(List<DeliveryEvent> events) {
    return new CallbackResult(200, "", "", events);
  }

  /**
   * The callback was refused, for example 401 for a wrong shared secret or 400 for a body that is
   * not a report. No events.
   *
   * @param status the HTTP status, normally 4xx
   * @param reason a short text for the caller, without secrets; the host puts it in its JSON answer
   */
  public static CallbackResult rejected(int status, String reason) {
    return new CallbackResult(status, "", reason, List.of());
  }

  /** Whether the host should apply {@link #events()} (a 2xx status). */
  public boolean handled() {
    return status >= 200 && status <= 299;
  }
}
