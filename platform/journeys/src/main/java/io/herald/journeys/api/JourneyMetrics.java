package io.herald.journeys.api;

import java.util.Map;

/**
 * A journey's counts.
 *
 * @param entered runs started
 * @param active runs in progress
 * @param completed runs that reached the end
 * @param exited runs that left early
 * @param converted runs whose person met the goal
 * @param messages the journey's deliveries by metric (sent, delivered, opened, …)
 */
public record JourneyMetrics(
    long entered,
    long active,
    long completed,
    long exited,
    long converted,
    Map<String, Long> messages) {

  /** Copies the map. */
  public JourneyMetrics {
    messages = Map.copyOf(messages);
  }
}
