package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.CountingDataSource;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each lane has its own group commit: a transactional delivery is committed while a bulk batch's
 * commit still holds every bulk writer (before, both lanes shared the writers, and a transactional
 * send waited behind a thousand-row bulk commit).
 */
class DeliveryLanesIT {

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private WorkspaceId workspace;
  private CountingDataSource dataSource;
  private DeliveryWriter writer;

  @BeforeEach
  void writer() {
    workspace = new WorkspaceId(MigratedTestDatabase.freshWorkspace());
    dataSource = new CountingDataSource(MigratedTestDatabase.dataSource());
    writer = new DeliveryWriter();
    writer.dataSource = dataSource;
    writer.writers = 1;
    writer.maxRowsPerCommit = 1000;
    writer.start();
  }

  @Test
  void aTransactionalDeliveryIsCommittedWhileABulkCommitHoldsTheBulkWriter() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch bulkGate = new CountDownLatch(1);
    dataSource.gate(bulkGate);
    // The bulk lane's only writer takes a batch and waits for its connection.
    Future<List<Long>> bulk =
        pool.submit(() -> writer.insert(List.of(row("lb" + now.toEpochMilli(), "bulk"))));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dataSource.waiting() == 1);
    dataSource.gate(new CountDownLatch(0));

    Future<List<Long>> transactional =
        pool.submit(() -> writer.insert(List.of(row("lt" + now.toEpochMilli(), "transactional"))));

    assertThat(transactional.get(30, TimeUnit.SECONDS)).hasSize(1);
    assertThat(bulk).isNotDone();
    bulkGate.countDown();
    assertThat(bulk.get(30, TimeUnit.SECONDS)).hasSize(1);
    pool.shutdown();
    assertThat(writer.commits()).isEqualTo(2);
  }

  private DeliveryWriter.Row row(String deliveryId, String lane) {
    return TestDeliveries.row(workspace.value(), deliveryId, lane, now, null);
  }
}
