package io.herald.journeys.internal;

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
 * Once per interval across the cluster, prunes what journeys no longer need: the objects change
 * journal's rows every consumer has passed and older than {@code
 * herald.journeys.object-change-retention-days} ({@link ObjectChangeRetention}; 0 keeps them), and
 * the per-person rows of broadcasts finished more than {@code
 * herald.journeys.broadcast-retention-days} ago, their counts kept ({@link BroadcastRetention}).
 */
@ApplicationScoped
public class JourneyRetentionTask implements RecurringTask {

  private static final Logger LOG = Logger.getLogger(JourneyRetentionTask.class.getName());

  /** Rows one delete statement removes at most. */
  static final int CHUNK = 5000;

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "herald.journeys.object-change-retention-days", defaultValue = "7")
  int objectChangeDays;

  @Inject
  @ConfigProperty(name = "herald.journeys.broadcast-retention-days", defaultValue = "30")
  int broadcastDays;

  @Inject
  @ConfigProperty(name = "herald.journeys.retention-interval-minutes", defaultValue = "60")
  int intervalMinutes;

  @Override
  public String taskType() {
    return "journeys.retention";
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
  public void run() {
    if (objectChangeDays > 0) {
      int deleted =
          new ObjectChangeRetention(dataSource, CHUNK)
              .prune(clock.instant().minus(Duration.ofDays(objectChangeDays)));
      if (deleted > 0) {
        LOG.info(
            () ->
                "deleted "
                    + deleted
                    + " objects_change row(s) read by every consumer and older than "
                    + objectChangeDays
                    + " days");
      }
    }
    if (broadcastDays > 0) {
      int deleted =
          new BroadcastRetention(dataSource, clock, CHUNK)
              .prune(clock.instant().minus(Duration.ofDays(broadcastDays)));
      if (deleted > 0) {
        LOG.info(
            () ->
                "deleted "
                    + deleted
                    + " people row(s) of broadcasts finished more than "
                    + broadcastDays
                    + " days ago (their counts kept)");
      }
    }
  }
}
