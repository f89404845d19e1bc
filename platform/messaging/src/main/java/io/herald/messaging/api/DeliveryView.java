package io.herald.messaging.api;

import java.time.Instant;
import java.util.Map;

/**
 * One delivery in the log.
 *
 * @param deliveryId the public id
 * @param channel e.g. {@code email}
 * @param cioId the person, null when sent to an address only
 * @param transactionalId the transactional message it came from, null for inline content
 * @param recipient the address
 * @param subject the rendered subject, null when not retained
 * @param state queued, sending, sent, delivered (the provider reported it delivered), bounced,
 *     failed, dropped or draft
 * @param reason why it failed, bounced or was dropped, null otherwise
 * @param providerMessageId the provider's id once sent
 * @param attempts how many times a provider was called
 * @param metrics when each metric happened, the first time: created (queued), attempted, sent,
 *     delivered, opened, clicked, bounced, spammed, unsubscribed, failed, dropped
 * @param createdAt when it was created
 * @param response fields of the provider's answer when it accepted the message (plugin API 1.4.0
 *     {@code DeliveryResult.Accepted.response()}: a webhook's status and body), empty otherwise
 */
public record DeliveryView(
    String deliveryId,
    String channel,
    String cioId,
    Long transactionalId,
    String recipient,
    String subject,
    String state,
    String reason,
    String providerMessageId,
    int attempts,
    Map<String, Instant> metrics,
    Instant createdAt,
    Map<String, Object> response) {

  /** Copies the maps. */
  public DeliveryView {
    metrics = Map.copyOf(metrics);
    response =
        response == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(response));
  }

  /** Without a provider response. */
  public DeliveryView(
      String deliveryId,
      String channel,
      String cioId,
      Long transactionalId,
      String recipient,
      String subject,
      String state,
      String reason,
      String providerMessageId,
      int attempts,
      Map<String, Instant> metrics,
      Instant createdAt) {
    this(
        deliveryId,
        channel,
        cioId,
        transactionalId,
        recipient,
        subject,
        state,
        reason,
        providerMessageId,
        attempts,
        metrics,
        createdAt,
        null);
  }
}
