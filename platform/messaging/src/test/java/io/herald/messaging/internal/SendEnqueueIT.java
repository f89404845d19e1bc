package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.SendReceipt;
import io.herald.shared.ingest.GroupCommit;
import io.herald.shared.persistence.DateTimes;
import io.herald.shared.persistence.Transactions;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Single sends on the enqueue side, on a real database: group-committed through {@link
 * DeliveryWriter} (each caller answered only once its row is committed, a bad row failing only its
 * own caller), idempotency keys, metric totals, and a send due now handed to this node's loop.
 */
class SendEnqueueIT extends EnqueueITSupport {

  @Test
  void concurrentSendsAnswerOnlyOnceTheirRowIsCommitted() throws Exception {
    int senders = 16;
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<DeliveryView>> answers = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      String person = "p" + i;
      answers.add(
          pool.submit(
              () -> {
                go.await();
                SendReceipt r = service.sendEmail(workspace, inline(person, null));
                // Committed when the call returns: another connection sees it at once.
                return service.delivery(workspace, r.deliveryId()).orElseThrow();
              }));
    }
    go.countDown();
    List<DeliveryView> views = new ArrayList<>();
    for (Future<DeliveryView> a : answers) {
      views.add(a.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(views).extracting(DeliveryView::state).containsOnly("queued");
    assertThat(views).extracting(DeliveryView::subject).contains("Hi p0", "Hi p15");
    assertThat(lanes()).containsOnly("transactional").hasSize(senders);
    assertThat(writer.commits()).isBetween(1L, (long) senders);
    assertThat(dataSource.commits()).isEqualTo((int) writer.commits());
  }

  @Test
  void metricTotalsCountEveryDeliveryOfAKeyPrefixAndNoOther() throws Exception {
    String a = "journey-9_%-run-";
    SendReceipt one = service.sendEmail(workspace, inline("totals", null), a + "1-e1");
    service.sendEmail(workspace, inline("totals", null), a + "2-e1");
    service.sendEmail(workspace, inline("totals", null), "journey-9x%-run-1-e1");
    service.sendEmail(workspace, inline("totals", null), "journey-90-run-1-e1");
    service.sendEmail(workspace, inline("totals", null));

    Map<String, Long> totals = service.metricTotals(workspace, a);
    Map<String, java.time.Instant> first =
        service.delivery(workspace, one.deliveryId()).orElseThrow().metrics();
    assertThat(first).isNotEmpty();
    // Each metric the deliveries have, counted once per delivery: both of the prefix, no other.
    first.keySet().forEach(m -> assertThat(totals).containsEntry(m, 2L));
    assertThat(service.metricTotals(workspace, "journey-90-run-").values()).containsOnly(1L);
    assertThat(service.metricTotals(workspace, "journey-77-run-")).isEmpty();
    assertThat(DeliveryTotals.like("a_b%c!")).isEqualTo("a!_b!%c!!%");
    assertThatThrownBy(() -> service.metricTotals(workspace, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSendWithAKnownIdempotencyKeyAnswersTheEarlierDeliveryAndQueuesNothing() throws Exception {
    SendReceipt first = service.sendEmail(workspace, inline("keyed", null), "journey-run-1-e1");
    SendReceipt again = service.sendEmail(workspace, inline("keyed", null), "journey-run-1-e1");
    SendReceipt other = service.sendEmail(workspace, inline("keyed", null), "journey-run-1-e2");

    assertThat(again.deliveryId()).isEqualTo(first.deliveryId());
    assertThat(other.deliveryId()).isNotEqualTo(first.deliveryId());
    assertThat(lanes()).containsOnly("bulk").hasSize(2);

    // Concurrent retries of one key (two nodes): one delivery, both answered with it.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<SendReceipt>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return service.sendEmail(workspace, inline("raced", null), "journey-run-2-e1");
              }));
    }
    go.countDown();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Future<SendReceipt> a : answers) {
      ids.add(a.get(30, TimeUnit.SECONDS).deliveryId());
    }
    pool.shutdown();
    assertThat(ids).hasSize(1);
    assertThat(lanes()).hasSize(3);
    assertThatThrownBy(() -> service.sendEmail(workspace, inline("keyed", null), ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBadRowInASharedCommitFailsOnlyItsOwnCaller() throws Exception {
    writer.writers = 1;
    writer.start();
    String taken = service.sendEmail(workspace, inline("first", null)).deliveryId();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch gate = new CountDownLatch(1);
    dataSource.gate(gate);
    // A takes the only writer slot and waits for a connection; B and C queue behind it.
    Future<List<Long>> a =
        pool.submit(() -> writer.insert(List.of(row("ga" + now.toEpochMilli()))));
    await(() -> dataSource.waiting() == 1);
    Future<List<Long>> b = pool.submit(() -> writer.insert(List.of(row(taken))));
    Future<List<Long>> c =
        pool.submit(() -> writer.insert(List.of(row("gc" + now.toEpochMilli()))));
    await(() -> writer.queued() == 2);
    long before = writer.commits();
    gate.countDown();

    assertThat(a.get(30, TimeUnit.SECONDS)).hasSize(1);
    assertThat(c.get(30, TimeUnit.SECONDS)).as("written again on its own").hasSize(1);
    assertThatThrownBy(() -> b.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(GroupCommit.CommitFailedException.class);
    pool.shutdown();
    assertThat(writer.commits() - before).as("A alone, then C alone after B+C failed").isEqualTo(2);
    assertThat(service.delivery(workspace, "ga" + now.toEpochMilli())).isPresent();
    assertThat(service.delivery(workspace, "gc" + now.toEpochMilli())).isPresent();
  }

  @Test
  void aSendDueNowIsWrittenClaimedAndHandedToTheLoopWhileItHasRoom() {
    service.settings = new MessagingSettings();
    service.settings.leaseSeconds = 60;
    service.workers.handoff = new Handoff(1);
    service.workers.handoff.open();

    SendReceipt handed = service.sendEmail(workspace, inline("h1", null));
    SendReceipt queued = service.sendEmail(workspace, inline("h2", null)); // no room left

    assertThat(service.delivery(workspace, handed.deliveryId()).orElseThrow().state())
        .isEqualTo("sending");
    assertThat(service.delivery(workspace, queued.deliveryId()).orElseThrow().state())
        .isEqualTo("queued");
    // Leased to this node as a claim leaves it: due (to any node) when the lease ends.
    assertThat(stored(handed.deliveryId()))
        .containsExactly(
            "1",
            DateTimes.text(now.plusSeconds(60)),
            DateTimes.text(now.plusSeconds(60)),
            "attempted,created");
    assertThat(stored(queued.deliveryId()))
        .containsExactly("0", DateTimes.text(now), null, "created");
    List<DeliveryQueue.Claimed> taken = service.workers.handoff.take(10, now.plusSeconds(30));
    assertThat(taken)
        .extracting(DeliveryQueue.Claimed::deliveryId)
        .containsExactly(handed.deliveryId());
    assertThat(taken.get(0).attempts()).as("attempts before this one").isZero();
    assertThat(taken.get(0).recipient()).isEqualTo("h1@x.io");
    assertThat(Composed.fromJson(taken.get(0).content().text()).subject()).isEqualTo("Hi h1");

    // Room again once taken; a closed handoff (no loop on this node) queues through the database.
    assertThat(service.sendEmail(workspace, inline("h3", null)).deliveryId())
        .satisfies(
            id ->
                assertThat(service.delivery(workspace, id).orElseThrow().state())
                    .isEqualTo("sending"));
    service.workers.handoff.close();
    assertThat(service.sendEmail(workspace, inline("h4", null)).deliveryId())
        .satisfies(
            id ->
                assertThat(service.delivery(workspace, id).orElseThrow().state())
                    .isEqualTo("queued"));
  }

  private static String text(Object datetime) {
    return datetime == null ? null : DateTimes.text(DateTimes.instant(datetime));
  }

  /** attempts, due_at, lease_until and the metrics (sorted, comma-separated) of a delivery. */
  private List<String> stored(String deliveryId) {
    return Transactions.autoCommit(
        database,
        "test",
        c -> {
          try (var q =
              c.prepareStatement(
                  "SELECT d.attempts, d.due_at, d.lease_until,"
                      + " (SELECT GROUP_CONCAT(m.metric ORDER BY m.metric)"
                      + " FROM messaging_delivery_metric m WHERE m.delivery_pk = d.id)"
                      + " FROM messaging_delivery d WHERE d.delivery_id = ?")) {
            q.setString(1, deliveryId);
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              return java.util.Arrays.asList(
                  rs.getString(1), text(rs.getObject(2)), text(rs.getObject(3)), rs.getString(4));
            }
          }
        });
  }

  private DeliveryWriter.Row row(String deliveryId) {
    return fixture.row(deliveryId);
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .pollInterval(java.time.Duration.ofMillis(5))
        .until(condition::getAsBoolean);
  }
}
