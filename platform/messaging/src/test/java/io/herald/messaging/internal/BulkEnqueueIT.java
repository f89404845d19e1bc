package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.BulkSendResult;
import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.EmailSend;
import io.herald.shared.persistence.Transactions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code enqueueBulk} on a real database: many sends queued on the bulk lane in one commit, refused
 * entries reported at their index, and the suppressions of a batch read in one query.
 */
class BulkEnqueueIT extends EnqueueITSupport {

  @Test
  void enqueueBulkQueuesOnTheBulkLaneInOneCommitAndReportsRefusedEntriesAtTheirIndex() {
    List<EmailSend> sends = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      if (i == 7) {
        sends.add(inline("p7", "no-such-message"));
      } else if (i == 100) {
        sends.add(inline("nomail100", null));
      } else {
        sends.add(inline("p" + i, null));
      }
    }
    int commitsBefore = dataSource.commits();

    List<BulkSendResult> results = service.enqueueBulk(workspace, sends);

    assertThat(results).hasSize(250);
    assertThat(results.get(7).ok()).isFalse();
    assertThat(results.get(7).error()).contains("no-such-message").contains("not found");
    assertThat(results.get(100).ok()).isFalse();
    assertThat(results.get(100).error()).contains("to is required");
    assertThat(results.stream().filter(BulkSendResult::ok)).hasSize(248);
    DeliveryView v =
        service.delivery(workspace, results.get(0).receipt().deliveryId()).orElseThrow();
    assertThat(v.state()).isEqualTo("queued");
    assertThat(v.subject()).isEqualTo("Hi p0");
    assertThat(
            service
                .delivery(workspace, results.get(249).receipt().deliveryId())
                .orElseThrow()
                .subject())
        .isEqualTo("Hi p249");
    assertThat(lanes()).hasSize(248).containsOnly("bulk");
    assertThat(dataSource.commits() - commitsBefore)
        .as("at most one commit per 100 entries")
        .isEqualTo(1);
  }

  @Test
  void enqueueBulkReadsTheSuppressionsOfABatchInOneQueryAndDropsSuppressedEntries() {
    Transactions.inTransaction(
        database,
        "test",
        c -> SuppressionStore.add(c, workspace.value(), "email", " P3@X.io ", "manual", null, now));
    List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());
    dataSource.refuse(
        sql -> {
          statements.add(sql);
          return false;
        });
    List<EmailSend> sends = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      sends.add(inline("p" + (i % 60), null)); // every person twice
    }

    List<BulkSendResult> results = service.enqueueBulk(workspace, sends);

    assertThat(results).allMatch(BulkSendResult::ok);
    assertThat(statements.stream().filter(sql -> sql.contains("messaging_suppression")))
        .as("one suppression query for the batch")
        .hasSize(1);
    for (int i : new int[] {3, 63}) {
      DeliveryView dropped =
          service.delivery(workspace, results.get(i).receipt().deliveryId()).orElseThrow();
      assertThat(dropped.state()).isEqualTo("dropped");
      assertThat(dropped.reason()).contains("manual");
    }
    assertThat(
            service
                .delivery(workspace, results.get(4).receipt().deliveryId())
                .orElseThrow()
                .state())
        .isEqualTo("queued");
  }

  @Test
  void enqueueBulkWaitsBeforeEachEntryAndItsInsertWhileTransactionalSendsAreHandled() {
    CountingTraffic traffic = new CountingTraffic();
    service.traffic = traffic;
    service.settings.bulkYieldMillis = 1;
    List<EmailSend> sends = List.of(inline("p1", null), inline("p2", null), inline("p3", null));

    assertThat(service.enqueueBulk(workspace, sends)).allMatch(BulkSendResult::ok);
    assertThat(traffic.waits).as("no transactional traffic: no wait").hasValue(0);

    service.traffic.enter();
    try {
      assertThat(service.enqueueBulk(workspace, sends)).allMatch(BulkSendResult::ok);
    } finally {
      service.traffic.exit();
    }
    assertThat(traffic.waits).as("one wait per entry and one before the insert").hasValue(4);
  }
}
