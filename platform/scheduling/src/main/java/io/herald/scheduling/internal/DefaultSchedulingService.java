package io.herald.scheduling.internal;

import io.herald.scheduling.api.NodeView;
import io.herald.scheduling.api.RecurringTask;
import io.herald.scheduling.api.SchedulingService;
import io.herald.scheduling.api.TaskView;
import io.herald.shared.lifecycle.DatabaseReady;
import io.herald.shared.persistence.DataSources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.quartz.SchedulerException;

/** Starts Quartz once the database is migrated, and reports on it. */
@ApplicationScoped
public class DefaultSchedulingService implements SchedulingService {

  private static final Logger LOG = Logger.getLogger(DefaultSchedulingService.class.getName());

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject Instance<RecurringTask> tasks;

  @Inject NodeIdentity node;

  @Inject NodeRegistry registry;

  @Inject NodeHeartbeatTask heartbeat;

  @Inject Clock clock;

  private volatile QuartzSchedulers schedulers;

  void onDatabaseReady(@Observes DatabaseReady ready) throws SchedulerException, SQLException {
    registry.heartbeat(node, clock.instant()); // visible at once, before the first firing
    schedulers = QuartzSchedulers.start(dataSource, node.nodeId(), tasks.stream().toList());
    LOG.info(
        () ->
            "scheduler started on node "
                + node.nodeId()
                + " (clustered job store: "
                + schedulers.clustered()
                + ")");
  }

  @PreDestroy
  void stop() {
    QuartzSchedulers running = schedulers;
    if (running != null) {
      try {
        running.shutdown();
      } catch (SchedulerException e) {
        LOG.log(Level.WARNING, "scheduler shutdown failed", e);
      }
    }
  }

  @Override
  public boolean running() {
    QuartzSchedulers running = schedulers;
    return running != null && running.running();
  }

  @Override
  public String currentNodeId() {
    return node.nodeId();
  }

  @Override
  public List<NodeView> nodes() {
    try {
      return registry.nodes(node.nodeId(), clock.instant(), heartbeat.interval().multipliedBy(3));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read scheduling_node", e);
    }
  }

  @Override
  public List<TaskView> tasks() {
    QuartzSchedulers running = schedulers;
    if (running == null) {
      return List.of();
    }
    try {
      return running.tasks();
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not read the schedule", e);
    }
  }
}
