package io.herald.messaging.api;

import java.time.Instant;

/**
 * An address of a workspace that gets no more messages on a channel.
 *
 * @param id the row's id (orders the list; its page tokens)
 * @param channel e.g. {@code email}
 * @param address normalised ({@link Suppressions#normalise}): trimmed, the bare address, email
 *     addresses lower-case
 * @param reason {@code hard_bounce}, {@code complaint} or {@code manual}
 * @param deliveryId the delivery whose bounce or complaint caused it, null for manual ones
 * @param createdAt when it was suppressed
 */
public record SuppressionView(
    long id, String channel, String address, String reason, String deliveryId, Instant createdAt) {

  /** A permanent (5.x.x) bounce. */
  public static final String HARD_BOUNCE = "hard_bounce";

  /** The recipient marked a message as spam. */
  public static final String COMPLAINT = "complaint";

  /** Added through the API or the console. */
  public static final String MANUAL = "manual";

  /**
   * Why a send to the address is dropped, e.g. {@code address suppressed: hard bounce (delivery
   * abc) at 2026-11-30T10:00:00Z}.
   */
  public String describe() {
    String why =
        switch (reason) {
          case HARD_BOUNCE -> "hard bounce";
          case COMPLAINT -> "spam complaint";
          default -> "added manually";
        };
    String cause = deliveryId == null ? "" : " (delivery " + deliveryId + ")";
    return "address suppressed: " + why + cause + " at " + createdAt;
  }
}
