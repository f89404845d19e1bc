package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.messaging.api.DeliveryView;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.segments.internal.realtime.DefaultEngagementRecorder;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.CountingDataSource;
import io.herald.testing.MigratedTestDatabase;
import io.herald.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sending loop's merged commit on a real database: a step records the previous batch's outcomes
 * and claims the next batch in one transaction, a busy bulk loop commits at most once per 100
 * messages, and a failure while recording leaves the claimed deliveries to their lease (sent again,
 * with the same key, once it runs out) without losing the next batch.
 */
class SendLoopIT {

  private static DataSource database;

  private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private final MovableClock clock = new MovableClock(start);

  /** Accepts every message; records each idempotency key it was given. */
  private final List<String> sentKeys = new CopyOnWriteArrayList<>();

  /** How long each send takes on the test's clock. */
  private volatile Duration perSend = Duration.ZERO;

  private final ChannelProvider provider =
      new ChannelProvider() {
        @Override
        public DeliveryResult send(OutboundMessage message) {
          sentKeys.add(message.idempotencyKey());
          clock.advance(perSend);
          return DeliveryResult.accepted("<" + message.idempotencyKey() + "@x.io>");
        }

        @Override
        public ProviderHealth health() {
          return ProviderHealth.up("accepting");
        }
      };

  private final RecordingCollaborators others = new RecordingCollaborators();

  /**
   * The size of each {@code recordAll} call in a loop's transaction: one per batch of first sends.
   */
  private final List<Integer> engagementBatches = new CopyOnWriteArrayList<>();

  /** The size of each {@code recordAll} call in a transaction of its own (after a failure). */
  private final List<Integer> engagementsApart = new CopyOnWriteArrayList<>();

  /** The segments module's writer: the engagement rows land in the loop's transaction. */
  private final DefaultEngagementRecorder engagementRows = new DefaultEngagementRecorder(clock);

  private CountingDataSource dataSource;

  /** The bulk lane's pool: the same database, counted apart. */
  private CountingDataSource bulkDataSource;

  private long workspace;
  private DeliverySender sender;

  @BeforeAll
  static void open() {
    database = MigratedTestDatabase.dataSource();
  }

  @BeforeEach
  void sender() {
    workspace = MigratedTestDatabase.freshWorkspace();
    dataSource = new CountingDataSource(database);
    sender = new DeliverySender();
    sender.dataSource = dataSource;
    bulkDataSource = new CountingDataSource(database);
    sender.bulkDataSource = bulkDataSource;
    sender.clock = clock;
    sender.settings = new MessagingSettings();
    sender.settings.batchSize = 2;
    sender.settings.bulkBatchSize = 200;
    sender.settings.leaseSeconds = 60;
    sender.settings.maxAttempts = 3;
    sender.engagements = new Engagements();
    sender.engagements.dataSource = database;
    sender.engagements.clock = clock;
    sender.engagements.engagements =
        new BatchCountingEngagements(
            others.engagementRecorder(), engagementRows, engagementBatches, engagementsApart);
    sender.engagements.events = others.eventService();
    long ws = workspace;
    sender.providers =
        new ProviderRegistry() {
          @Override
          Optional<Resolved> resolve(long workspaceId, String channel, String settingName) {
            return workspaceId == ws
                ? Optional.of(new Resolved("accepting", provider))
                : Optional.empty();
          }
        };
  }

  @AfterEach
  void forget() {
    TestDeliveries.deleteAll(
        database, workspace, "segments_engagement", "segments_recheck_request");
  }

  @Test
  void aStepRecordsThePreviousBatchAndClaimsTheNextInOneCommit() {
    List<String> ids = queue(3, "transactional");
    DeliverySender.Loop loop = sender.loop("transactional");

    assertThat(loop.step()).isTrue();
    assertThat(sentKeys).containsExactly(ids.get(0), ids.get(1));
    assertThat(states(ids)).containsExactly("sending", "sending", "queued");
    assertThat(dataSource.commits()).isEqualTo(1);

    assertThat(loop.step()).isTrue();
    assertThat(states(ids)).containsExactly("sent", "sent", "sending");
    assertThat(dataSource.commits()).as("outcomes and the next claim share a commit").isEqualTo(2);
    assertThat(view(ids.get(0)).providerMessageId()).isEqualTo("<" + ids.get(0) + "@x.io>");
    assertThat(rows("segments_engagement", "metric = 'received'")).isEqualTo(2);

    assertThat(loop.step()).as("nothing more to claim").isFalse();
    assertThat(states(ids)).containsExactly("sent", "sent", "sent");
    assertThat(dataSource.commits()).isEqualTo(3);
    loop.finish();
    assertThat(dataSource.commits()).as("nothing left to record").isEqualTo(3);
    assertThat(sentKeys).containsExactlyElementsOf(ids);
  }

  @Test
  void finishRecordsTheLastBatchOfAStoppedLoop() {
    List<String> ids = queue(2, "transactional");
    DeliverySender.Loop loop = sender.loop("transactional");
    assertThat(loop.step()).isTrue();
    assertThat(states(ids)).containsOnly("sending");

    loop.finish();

    assertThat(states(ids)).containsOnly("sent");
    assertThat(dataSource.commits()).isEqualTo(2);
    assertThat(bulkDataSource.statements()).as("the bulk lane's pool is the bulk lane's").isZero();
  }

  @Test
  void aBusyBulkLoopCommitsAtMostOncePerHundredMessages() {
    List<String> ids = queue(450, "bulk");
    DeliverySender.Loop loop = sender.loop("bulk");
    int steps = 0;
    while (loop.step()) {
      steps++;
    }
    assertThat(steps).as("batches of 200").isEqualTo(3);
    assertThat(states(ids)).containsOnly("sent");
    assertThat(sentKeys).hasSize(450);
    assertThat(bulkDataSource.commits())
        .as("outcomes, received engagements and the next claim share a commit")
        .isEqualTo(4)
        .isLessThanOrEqualTo(450 / 100);
    assertThat(dataSource.statements())
        .as("the bulk lane takes no connection from the requests' pool")
        .isZero();
    assertThat(engagementBatches)
        .as("received engagements: one call per batch")
        .containsExactly(200, 200, 50);
    assertThat(engagementsApart).isEmpty();
    assertThat(rows("segments_engagement", "metric = 'received'")).isEqualTo(450);
    assertThat(rows("segments_recheck_request", "cause = 'engagement'")).isEqualTo(450);
  }

  @Test
  void aBatchStopsBeingSentHalfALeaseAfterItsClaimAndTheRestIsQueuedAgainUnsent() {
    List<String> ids = queue(2, "transactional");
    perSend = Duration.ofSeconds(31); // the lease is 60 s: the second send would start after 30 s
    DeliverySender.Loop loop = sender.loop("transactional");

    assertThat(loop.step()).isTrue();
    assertThat(sentKeys).containsExactly(ids.get(0));
    loop.finish();

    assertThat(states(ids)).containsExactly("sent", "queued");
    DeliveryView unsent = view(ids.get(1));
    assertThat(unsent.attempts()).as("not an attempt").isZero();
    assertThat(unsent.reason()).isNull();
    perSend = Duration.ZERO;
    assertThat(loop.step()).as("due again at once").isTrue();
    loop.finish();
    assertThat(states(ids)).containsOnly("sent");
    assertThat(sentKeys).containsExactlyElementsOf(ids);
  }

  @Test
  void aFailingEngagementWriteCostsNoOutcomeAndTheEngagementsAreRecordedApart() {
    List<String> ids = queue(3, "transactional");
    DeliverySender.Loop loop = sender.loop("transactional");
    assertThat(loop.step()).isTrue();

    dataSource.refuse(sql -> sql.contains("INSERT INTO segments_engagement"));
    assertThatThrownBy(loop::step).isInstanceOf(IllegalStateException.class);
    assertThat(states(ids))
        .as("the shared transaction failed: the outcomes recorded alone, nothing claimed")
        .containsExactly("sent", "sent", "queued");
    assertThat(engagementsApart)
        .as("then the engagements in a transaction of their own")
        .containsExactly(2);
    assertThat(others.engagements).hasSize(2);
    assertThat(rows("segments_engagement", "metric = 'received'"))
        .as("nothing of the failed transactions stays")
        .isZero();
    dataSource.refuse(sql -> false);

    while (loop.step()) {
      // sends the third
    }
    loop.finish();
    assertThat(states(ids)).containsOnly("sent");
    assertThat(rows("segments_engagement", "metric = 'received'")).isEqualTo(1);
  }

  @Test
  void aFailureRecordingOutcomesLeavesThemToTheLeaseAndKeepsTheNextBatchQueued() {
    List<String> ids = queue(4, "transactional");
    DeliverySender.Loop loop = sender.loop("transactional");
    assertThat(loop.step()).isTrue();
    assertThat(sentKeys).containsExactly(ids.get(0), ids.get(1));

    dataSource.refuse(sql -> sql.contains("SET state = 'sent'"));
    assertThatThrownBy(loop::step).isInstanceOf(IllegalStateException.class);
    dataSource.refuse(sql -> false);

    // Nothing of the failed transaction stays: the batch keeps its lease, the next is not claimed.
    assertThat(states(ids)).containsExactly("sending", "sending", "queued", "queued");
    DeliverySender.Loop another = sender.loop("transactional");
    while (another.step()) {
      // sends the two still queued
    }
    assertThat(states(ids)).containsExactly("sending", "sending", "sent", "sent");
    assertThat(sentKeys).hasSize(4);

    clock.advance(Duration.ofSeconds(60));
    DeliverySender.Loop afterLease = sender.loop("transactional");
    while (afterLease.step()) {
      // takes the first batch over
    }
    assertThat(states(ids)).containsOnly("sent");
    assertThat(sentKeys)
        .as("sent again with the same idempotency keys")
        .containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(0), ids.get(1));
    assertThat(view(ids.get(0)).attempts()).isEqualTo(2);
  }

  @Test
  void aFailingClaimStillRecordsTheOutcomes() {
    List<String> ids = queue(3, "transactional");
    DeliverySender.Loop loop = sender.loop("transactional");
    assertThat(loop.step()).isTrue();

    dataSource.refuse(sql -> sql.contains("FOR UPDATE SKIP LOCKED"));
    assertThatThrownBy(loop::step).isInstanceOf(IllegalStateException.class);
    dataSource.refuse(sql -> false);

    assertThat(states(ids)).containsExactly("sent", "sent", "queued");
    assertThat(sentKeys).containsExactly(ids.get(0), ids.get(1));
  }

  @Test
  void handedDeliveriesAreSentWithoutAClaimThenRecordedInOneCommitEach() {
    Handoff handoff = new Handoff(10);
    handoff.open();
    List<String> ids = handOver(handoff, 3, start.plusSeconds(60));
    DeliverySender.Loop loop = sender.loop("transactional", handoff);

    assertThat(loop.step()).isTrue();
    assertThat(sentKeys).containsExactly(ids.get(0), ids.get(1));
    assertThat(dataSource.commits()).as("no claim; sent, then recorded in one commit").isOne();
    assertThat(states(ids)).containsExactly("sent", "sent", "sending");

    assertThat(loop.step()).isTrue();
    assertThat(sentKeys).containsExactly(ids.get(0), ids.get(1), ids.get(2));
    assertThat(dataSource.commits()).isEqualTo(2);
    assertThat(states(ids)).containsOnly("sent");

    assertThat(loop.step()).as("nothing handed or due").isFalse();
    loop.finish();
    assertThat(dataSource.commits()).as("nothing left to record").isEqualTo(2);
    assertThat(engagementBatches).containsExactly(2, 1);
    assertThat(handoff.waiting()).isZero();
  }

  @Test
  void aHandedDeliveryNearTheEndOfItsLeaseIsLeftToAClaimOnceTheLeaseIsOver() {
    Handoff handoff = new Handoff(10);
    handoff.open();
    // Lease 60 s: less than half of it left, so another node may claim it before it is sent.
    List<String> ids = handOver(handoff, 1, start.plusSeconds(20));
    DeliverySender.Loop loop = sender.loop("transactional", handoff);

    assertThat(loop.step()).as("not taken, and not due before its lease ends").isFalse();
    assertThat(sentKeys).isEmpty();
    assertThat(handoff.waiting()).isZero();

    clock.set(
        start.plusSeconds(21)); // as after a crash: the lease is over, any node's claim sends it
    assertThat(loop.step()).isTrue();
    loop.finish();
    assertThat(sentKeys).containsExactly(ids.get(0));
    assertThat(states(ids)).containsExactly("sent");
  }

  /**
   * Deliveries written claimed until {@code leaseUntil}, as a transactional send does, and handed
   * over.
   */
  private List<String> handOver(Handoff handoff, int count, Instant leaseUntil) {
    String content = new Composed("a@x.io", "", "Subject", "<p>Hi</p>", "Hi", null, null).toJson();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "h" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
      ids.add(id);
      PreparedSend send =
          new PreparedSend(
              List.of(
                  new DeliveryWriter.Row(
                      new DeliveryStore.NewDelivery(
                          id,
                          workspace,
                          "cio-1",
                          "email",
                          "transactional",
                          null,
                          "ada@x.io",
                          "Subject",
                          "queued",
                          null,
                          start,
                          true,
                          StoredBody.of(content)),
                      start)),
              null);
      assertThat(handoff.reserve(send.sendable())).isTrue();
      PreparedSend claimed = send.claimedUntil(leaseUntil);
      List<Long> keys =
          Transactions.inTransaction(
              database, "test", c -> DeliveryInserts.insertAll(c, claimed.rows()));
      handoff.offer(claimed.claimed(keys), leaseUntil);
    }
    assertThat(states(ids)).containsOnly("sending");
    return ids;
  }

  private List<String> queue(int count, String lane) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // distinct due times keep the claim order the queue order
      ids.add(
          TestDeliveries.insert(
              database, workspace, start.minusSeconds(count - i), lane, null, start));
    }
    return ids;
  }

  private long rows(String table, String condition) {
    return TestDeliveries.count(database, workspace, table, condition);
  }

  private List<String> states(List<String> ids) {
    return ids.stream().map(id -> view(id).state()).toList();
  }

  private DeliveryView view(String id) {
    return TestDeliveries.view(database, workspace, id);
  }
}
