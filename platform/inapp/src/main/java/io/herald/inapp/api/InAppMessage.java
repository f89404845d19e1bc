package io.herald.inapp.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A queued in-app message of one person.
 *
 * @param deliveryId the message's id: messaging's delivery id (the SDK reports events with it)
 * @param cioId the person
 * @param content what the SDK shows
 * @param state {@code pending}, {@code shown}, {@code clicked} or {@code dismissed}
 * @param createdAt when it was queued
 * @param expiresAt after this it is no longer served
 */
public record InAppMessage(
    String deliveryId,
    String cioId,
    InAppContent content,
    String state,
    Instant createdAt,
    Instant expiresAt) {

  /** Not shown yet: the SDK receives it. */
  public static final String PENDING = "pending";

  /** The SDK showed it (event {@code opened}). */
  public static final String SHOWN = "shown";

  /** A button with a URL was clicked. */
  public static final String CLICKED = "clicked";

  /** It was closed without a click. */
  public static final String DISMISSED = "dismissed";

  /** Requires every part. */
  public InAppMessage {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(cioId, "cioId");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
