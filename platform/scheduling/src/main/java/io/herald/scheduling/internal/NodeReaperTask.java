package io.herald.scheduling.internal;

import io.herald.scheduling.api.RecurringTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once per interval across the cluster, forgets nodes silent for longer than {@code
 * herald.scheduling.node-retention-minutes}, so the Cluster page shows the nodes that exist.
 */
@ApplicationScoped
public class NodeReaperTask implements RecurringTask {

  private static final Logger LOG = Logger.getLogger(NodeReaperTask.class.getName());

  @Inject NodeRegistry registry;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "herald.scheduling.node-reaper-seconds", defaultValue = "60")
  int seconds;

  @Inject
  @ConfigProperty(name = "herald.scheduling.node-retention-minutes", defaultValue = "1440")
  int retentionMinutes;

  @Override
  public String taskType() {
    return "scheduling.node-reaper";
  }

  @Override
  public Duration interval() {
    return Duration.ofSeconds(seconds);
  }

  @Override
  public Scope scope() {
    return Scope.CLUSTER;
  }

  @Override
  public void run() throws Exception {
    int removed =
        registry.forgetSilentSince(clock.instant().minus(Duration.ofMinutes(retentionMinutes)));
    if (removed > 0) {
      LOG.info(
          () -> "forgot " + removed + " node(s) silent for over " + retentionMinutes + " minutes");
    }
  }
}
