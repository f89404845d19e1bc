package io.herald.scheduling.internal;

import io.herald.scheduling.api.SchedulingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: both schedulers started. */
@Readiness
@ApplicationScoped
public class SchedulerHealthCheck implements HealthCheck {

  @Inject SchedulingService scheduling;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("scheduler")
        .status(scheduling.running())
        .withData("node", scheduling.currentNodeId())
        .build();
  }
}
