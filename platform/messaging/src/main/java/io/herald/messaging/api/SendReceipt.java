package io.herald.messaging.api;

import java.time.Instant;

/**
 * What a send answers: Customer.io's {@code {"delivery_id","queued_at"}}.
 *
 * @param deliveryId the delivery's public id
 * @param queuedAt when it was queued
 */
public record SendReceipt(String deliveryId, Instant queuedAt) {}
