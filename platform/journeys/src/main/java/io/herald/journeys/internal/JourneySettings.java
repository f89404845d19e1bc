package io.herald.journeys.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Configuration of the journeys engine (keys {@code herald.journeys.*}, see the root README).
 * Dependent, not a client proxy: its fields are read directly.
 */
@Dependent
class JourneySettings {

  @Inject
  @ConfigProperty(name = "herald.journeys.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "herald.journeys.pollers", defaultValue = "2")
  int pollers;

  @Inject
  @ConfigProperty(name = "herald.journeys.poll-millis", defaultValue = "200")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "herald.journeys.batch-size", defaultValue = "100")
  int batchSize;

  @Inject
  @ConfigProperty(name = "herald.journeys.lease-seconds", defaultValue = "60")
  int leaseSeconds;

  @Inject
  @ConfigProperty(name = "herald.journeys.event-window-hours", defaultValue = "72")
  int eventWindowHours;

  @Inject
  @ConfigProperty(name = "herald.journeys.feed-batch-size", defaultValue = "500")
  int feedBatchSize;

  @Inject
  @ConfigProperty(name = "herald.journeys.feed-settle-seconds", defaultValue = "30")
  int feedSettleSeconds;

  @Inject
  @ConfigProperty(name = "herald.journeys.broadcast-max-attempts", defaultValue = "3")
  int broadcastMaxAttempts;
}
