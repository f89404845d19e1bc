package io.herald.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.herald.scheduling.api.RecurringTask;
import io.herald.scheduling.api.TaskView;
import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quartz as Herald runs it, on a real MariaDB with the real migrations: cluster tasks on the
 * clustered JDBC store, node tasks in memory, failing tasks keep their schedule, and shutdown does
 * not wait for running jobs.
 */
class QuartzSchedulersIT {

  private static TestDatabase database;
  private static MysqlDataSource dataSource;

  @BeforeAll
  static void database() {
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/scheduling-it"));
    database = TestDatabases.embedded(work.resolve("mariadb"));
    dataSource = new MysqlDataSource();
    dataSource.setURL(database.jdbcUrl());
    dataSource.setUser(database.user());
    dataSource.setPassword(database.password());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void clusterAndNodeTasksRunOnTheirSchedulers() throws Exception {
    CountingTask cluster = new CountingTask("test.cluster", RecurringTask.Scope.CLUSTER, false);
    CountingTask node = new CountingTask("test.node", RecurringTask.Scope.NODE, false);
    CountingTask failing = new CountingTask("test.failing", RecurringTask.Scope.CLUSTER, true);
    QuartzSchedulers schedulers =
        QuartzSchedulers.start(dataSource, "node-a", List.of(cluster, node, failing));
    try {
      assertThat(schedulers.running()).isTrue();
      assertThat(schedulers.clustered()).isTrue();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> cluster.runs.get() >= 3 && node.runs.get() >= 3);
      await().atMost(Duration.ofSeconds(20)).until(() -> failing.runs.get() >= 3);

      assertThat(
              count(
                  "SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = 'HeraldCluster' AND INSTANCE_NAME = 'node-a'"))
          .isEqualTo(1);
      assertThat(
              count(
                  "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE SCHED_NAME = 'HeraldCluster'"
                      + " AND TRIGGER_NAME IN ('test.cluster', 'test.node', 'test.failing')"))
          .as("only cluster tasks are in the JDBC store")
          .isEqualTo(2);
      assertThat(schedulers.tasks())
          .extracting(TaskView::taskType, TaskView::scope)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("test.cluster", RecurringTask.Scope.CLUSTER),
              org.assertj.core.groups.Tuple.tuple("test.node", RecurringTask.Scope.NODE),
              org.assertj.core.groups.Tuple.tuple("test.failing", RecurringTask.Scope.CLUSTER));
      assertThat(schedulers.tasks()).allSatisfy(t -> assertThat(t.previousRun()).isNotNull());
    } finally {
      schedulers.shutdown();
    }
    assertThat(schedulers.running()).isFalse();
  }

  @Test
  void aRestartedNodeReplacesTheScheduleAndRecoversTheStoppedOne() throws Exception {
    // shutdown(false) does not wait for running jobs (STACK-NOTES pitfall 6): what the stopped
    // node had acquired is recovered by the cluster once it misses its check-ins.
    CountingTask first = new CountingTask("test.replace", RecurringTask.Scope.CLUSTER, false);
    QuartzSchedulers.start(dataSource, "node-b", List.of(first)).shutdown();
    CountingTask again = new CountingTask("test.replace", RecurringTask.Scope.CLUSTER, false);
    // A restarted process gets a new node id, as NodeIdentity gives.
    QuartzSchedulers schedulers = QuartzSchedulers.start(dataSource, "node-b2", List.of(again));
    try {
      assertThat(count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'test.replace'"))
          .isEqualTo(1);
      await().atMost(Duration.ofSeconds(60)).until(() -> again.runs.get() >= 1);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  count(
                          "SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE"
                              + " WHERE SCHED_NAME = 'HeraldCluster' AND INSTANCE_NAME = 'node-b'")
                      == 0);
    } finally {
      schedulers.shutdown();
    }
  }

  @Test
  void twoTasksWithOneNameAreRefused() {
    CountingTask a = new CountingTask("test.twin", RecurringTask.Scope.NODE, false);
    CountingTask b = new CountingTask("test.twin", RecurringTask.Scope.CLUSTER, false);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> QuartzSchedulers.start(dataSource, "node-c", List.of(a, b)))
        .hasMessageContaining("two recurring tasks named test.twin");
  }

  private static long count(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A task that counts its runs and optionally fails every time. */
  private static final class CountingTask implements RecurringTask {
    final AtomicInteger runs = new AtomicInteger();
    private final String type;
    private final Scope scope;
    private final boolean fail;

    CountingTask(String type, Scope scope, boolean fail) {
      this.type = type;
      this.scope = scope;
      this.fail = fail;
    }

    @Override
    public String taskType() {
      return type;
    }

    @Override
    public Duration interval() {
      return Duration.ofMillis(300);
    }

    @Override
    public Scope scope() {
      return scope;
    }

    @Override
    public void run() {
      runs.incrementAndGet();
      if (fail) {
        throw new IllegalStateException("failing on purpose");
      }
    }
  }
}
