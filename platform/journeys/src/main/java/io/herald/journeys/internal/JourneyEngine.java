package io.herald.journeys.internal;

import io.herald.shared.persistence.DataSources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/** The node's engine, wired from the container's datasource, clock and settings. */
@ApplicationScoped
class JourneyEngine {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject Clock clock;

  @Inject ServiceEffects effects;

  @Inject JourneySettings settings;

  private Engine engine;

  @PostConstruct
  void wire() {
    engine =
        new Engine(
            dataSource,
            clock,
            effects,
            settings.batchSize,
            Duration.ofSeconds(settings.leaseSeconds),
            Duration.ofHours(settings.eventWindowHours),
            settings.feedSettleSeconds);
  }

  Engine engine() {
    return engine;
  }

  DataSource dataSource() {
    return dataSource;
  }

  Clock clock() {
    return clock;
  }
}
