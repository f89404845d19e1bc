package io.herald.journeys.api;

/**
 * What an inbound journey webhook call did.
 *
 * @param journeyId the journey
 * @param cioId the person the body named
 * @param runId the run started, 0 when the journey's entry rules refused the entry
 */
public record WebhookReceipt(long journeyId, String cioId, long runId) {}
