package io.herald.journeys.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The node's broadcast worker part, wired to the node's journey engine. */
@ApplicationScoped
class BroadcastEngine {

  @Inject JourneyEngine engine;

  @Inject SegmentAudience audience;

  @Inject ServiceEffects effects;

  @Inject JourneySettings settings;

  private Broadcasts broadcasts;

  @PostConstruct
  void wire() {
    broadcasts =
        new Broadcasts(
            engine.dataSource(),
            engine.clock(),
            engine.engine(),
            audience,
            effects,
            settings.batchSize,
            settings.broadcastMaxAttempts);
  }

  Broadcasts broadcasts() {
    return broadcasts;
  }
}
