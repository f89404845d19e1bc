package io.herald.app.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the JVM has heap headroom. Liveness must not depend on the database (an orchestrator
 * would restart every node during a database outage); readiness covers that.
 */
@Liveness
@ApplicationScoped
public class NodeLivenessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    long max = runtime.maxMemory();
    return HealthCheckResponse.named("node")
        .status(used < max * 0.98)
        .withData("heap-used-mb", used / (1024 * 1024))
        .withData("heap-max-mb", max / (1024 * 1024))
        .build();
  }
}
