package io.herald.scheduling.internal;

import io.herald.scheduling.api.RecurringTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every node records that it is alive, every {@code herald.scheduling.heartbeat-seconds}. */
@ApplicationScoped
public class NodeHeartbeatTask implements RecurringTask {

  @Inject NodeRegistry registry;

  @Inject NodeIdentity node;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "herald.scheduling.heartbeat-seconds", defaultValue = "10")
  int seconds;

  @Override
  public String taskType() {
    return "scheduling.node-heartbeat";
  }

  @Override
  public Duration interval() {
    return Duration.ofSeconds(seconds);
  }

  @Override
  public Scope scope() {
    return Scope.NODE;
  }

  @Override
  public void run() throws Exception {
    registry.heartbeat(node, clock.instant());
  }
}
