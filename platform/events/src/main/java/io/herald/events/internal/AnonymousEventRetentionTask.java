package io.herald.events.internal;

import io.herald.scheduling.api.RecurringTask;
import io.herald.shared.persistence.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once per interval across the cluster, deletes anonymous events received more than {@code
 * herald.events.anonymous-retention-days} ago whose visitor was never identified (0 keeps them
 * forever). See {@link AnonymousEventRetention}.
 */
@ApplicationScoped
public class AnonymousEventRetentionTask implements RecurringTask {

  private static final Logger LOG = Logger.getLogger(AnonymousEventRetentionTask.class.getName());

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "herald.events.anonymous-retention-days", defaultValue = "30")
  int retentionDays;

  @Inject
  @ConfigProperty(name = "herald.events.anonymous-retention-interval-minutes", defaultValue = "60")
  int intervalMinutes;

  @Override
  public String taskType() {
    return "events.anonymous-retention";
  }

  @Override
  public Duration interval() {
    return Duration.ofMinutes(intervalMinutes);
  }

  @Override
  public Scope scope() {
    return Scope.CLUSTER;
  }

  @Override
  public void run() throws Exception {
    if (retentionDays <= 0) {
      return;
    }
    int deleted =
        new AnonymousEventRetention(dataSource, 5000)
            .purge(clock.instant().minus(Duration.ofDays(retentionDays)));
    if (deleted > 0) {
      LOG.info(
          () ->
              "deleted "
                  + deleted
                  + " anonymous event(s) never identified within "
                  + retentionDays
                  + " days");
    }
  }
}
