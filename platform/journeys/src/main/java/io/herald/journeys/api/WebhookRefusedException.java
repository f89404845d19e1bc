package io.herald.journeys.api;

/** An inbound journey webhook call was refused; {@link #reason()} says how to answer it. */
public class WebhookRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** No journey has this token (HTTP 404). */
    UNKNOWN_TOKEN,
    /** The journey is not active, or no longer webhook-triggered (HTTP 409). */
    NOT_ACTIVE,
    /** The body has no identifier at the trigger's path (HTTP 400). */
    NO_IDENTIFIER,
    /** No person has that identifier (HTTP 404). */
    UNKNOWN_PERSON
  }

  private final Reason reason;

  /** A refusal with its message. */
  public WebhookRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the call was refused. */
  public Reason reason() {
    return reason;
  }
}
