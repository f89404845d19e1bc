package io.herald.scheduling.internal;

import io.herald.scheduling.api.RecurringTask;
import io.herald.scheduling.api.TaskView;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The two Quartz schedulers of a node: {@value #CLUSTER_NAME} on the clustered JDBC store
 * (JobStoreTX on the non-transactional datasource, STACK-NOTES pitfall 4) for cluster-wide tasks,
 * and {@value #NODE_NAME} in memory for per-node tasks. Plain class, so it is testable without CDI.
 */
final class QuartzSchedulers {

  static final String CLUSTER_NAME = "HeraldCluster";
  static final String NODE_NAME = "HeraldNode";
  private static final String GROUP = "herald";

  private final Scheduler cluster;
  private final Scheduler node;
  private final Map<String, RecurringTask> tasks;

  private QuartzSchedulers(Scheduler cluster, Scheduler node, Map<String, RecurringTask> tasks) {
    this.cluster = cluster;
    this.node = node;
    this.tasks = tasks;
  }

  /**
   * Creates, schedules and starts both schedulers.
   *
   * @param dataSource non-transactional datasource holding the {@code QRTZ_} tables
   * @param nodeId this node's id (Quartz instance id)
   * @param recurringTasks the tasks to run
   */
  static QuartzSchedulers start(
      DataSource dataSource, String nodeId, Collection<RecurringTask> recurringTasks)
      throws SchedulerException {
    Map<String, RecurringTask> byType = new LinkedHashMap<>();
    for (RecurringTask task : recurringTasks) {
      if (byType.put(task.taskType(), task) != null) {
        throw new IllegalStateException("two recurring tasks named " + task.taskType());
      }
    }
    String providerName = "herald-" + nodeId;
    DBConnectionManager.getInstance().addConnectionProvider(providerName, new Provider(dataSource));

    Scheduler cluster =
        new StdSchedulerFactory(clusterProperties(nodeId, providerName)).getScheduler();
    Scheduler node = new StdSchedulerFactory(nodeProperties(nodeId)).getScheduler();
    TaskJobFactory factory = new TaskJobFactory(byType);
    cluster.setJobFactory(factory);
    node.setJobFactory(factory);
    for (RecurringTask task : byType.values()) {
      Scheduler target = task.scope() == RecurringTask.Scope.CLUSTER ? cluster : node;
      schedule(target, task);
    }
    cluster.start();
    node.start();
    return new QuartzSchedulers(cluster, node, byType);
  }

  private static void schedule(Scheduler scheduler, RecurringTask task) throws SchedulerException {
    JobDetail job =
        JobBuilder.newJob(TaskJob.class)
            .withIdentity(task.taskType(), GROUP)
            .withDescription(task.scope() + " task " + task.taskType())
            .storeDurably()
            .build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(task.taskType(), GROUP)
            .forJob(job)
            .startNow()
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(task.interval().toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    // Replace: every node registers the same cluster tasks at start; the last interval wins.
    scheduler.scheduleJob(job, Set.of(trigger), true);
  }

  private static Properties clusterProperties(String nodeId, String providerName) {
    Properties p = common(CLUSTER_NAME, nodeId, 2);
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", providerName);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
    return p;
  }

  private static Properties nodeProperties(String nodeId) {
    Properties p = common(NODE_NAME, nodeId, 1);
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    return p;
  }

  /** Settings both schedulers share; job threads see the application's classes. */
  private static Properties common(String name, String nodeId, int threads) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", name);
    p.setProperty("org.quartz.scheduler.instanceId", nodeId);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.threadsInheritContextClassLoaderOfInitializer", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    p.setProperty(
        "org.quartz.threadPool.threadsInheritContextClassLoaderOfInitializingThread", "true");
    return p;
  }

  boolean running() {
    try {
      return cluster.isStarted() && !cluster.isShutdown() && node.isStarted() && !node.isShutdown();
    } catch (SchedulerException e) {
      return false;
    }
  }

  boolean clustered() {
    try {
      return cluster.getMetaData().isJobStoreClustered();
    } catch (SchedulerException e) {
      return false;
    }
  }

  List<TaskView> tasks() throws SchedulerException {
    List<TaskView> views = new ArrayList<>();
    for (RecurringTask task : tasks.values()) {
      Scheduler target = task.scope() == RecurringTask.Scope.CLUSTER ? cluster : node;
      Trigger trigger = target.getTrigger(TriggerKey.triggerKey(task.taskType(), GROUP));
      views.add(
          new TaskView(
              task.taskType(),
              task.scope(),
              task.interval(),
              trigger == null ? null : instant(trigger.getPreviousFireTime()),
              trigger == null ? null : instant(trigger.getNextFireTime())));
    }
    return views;
  }

  /**
   * Stops both schedulers without waiting for running jobs: waiting hangs Payara's shutdown while
   * the datasource is torn down (STACK-NOTES pitfall 6); the cluster recovers fired triggers.
   */
  void shutdown() throws SchedulerException {
    try {
      node.shutdown(false);
    } finally {
      cluster.shutdown(false);
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** Quartz's view of the container-managed datasource. */
  private record Provider(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void shutdown() {}

    @Override
    public void initialize() {}
  }
}
