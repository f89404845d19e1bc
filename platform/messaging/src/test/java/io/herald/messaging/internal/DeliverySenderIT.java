package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.DeliveryView;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.MigratedTestDatabase;
import io.herald.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sending loop on a real database, with a scripted provider standing in for a channel plugin:
 * what each {@link DeliveryResult} does to the delivery, leases of a node that stopped mid-send,
 * and claims of two nodes never overlapping.
 */
class DeliverySenderIT {

  private static DataSource dataSource;

  private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  private final ScriptedProvider provider = new ScriptedProvider();
  private final RecordingCollaborators others = new RecordingCollaborators();
  private long workspace;
  private DeliverySender sender;

  @BeforeAll
  static void database() {
    dataSource = MigratedTestDatabase.dataSource();
  }

  @BeforeEach
  void sender() {
    workspace = MigratedTestDatabase.freshWorkspace();
    sender = senderFor(workspace);
  }

  @AfterEach
  void forget() {
    // Claims are not per workspace: leave nothing due for the next test.
    TestDeliveries.deleteAll(dataSource, workspace, "messaging_suppression");
  }

  private DeliverySender senderFor(long ws) {
    DeliverySender s = new DeliverySender();
    s.dataSource = dataSource;
    s.bulkDataSource = dataSource;
    s.clock = clock;
    s.settings = new MessagingSettings();
    s.settings.batchSize = 100;
    s.settings.leaseSeconds = 60;
    s.settings.maxAttempts = 3;
    s.engagements = new Engagements();
    s.engagements.dataSource = dataSource;
    s.engagements.clock = clock;
    s.engagements.engagements = others.engagementRecorder();
    s.engagements.events = others.eventService();
    s.providers =
        new ProviderRegistry() {
          @Override
          Optional<Resolved> resolve(long workspaceId, String channel, String settingName) {
            return workspaceId == ws
                ? Optional.of(new Resolved("scripted", provider))
                : Optional.empty();
          }
        };
    return s;
  }

  private String queue(Instant due) {
    return queue(due, "transactional", null);
  }

  private String queue(Instant due, String lane) {
    return queue(due, lane, null);
  }

  private String queue(Instant due, Long transactionalId) {
    return queue(due, "transactional", transactionalId);
  }

  private String queue(Instant due, String lane, Long transactionalId) {
    return TestDeliveries.insert(
        dataSource, workspace, due, lane, transactionalId, clock.instant());
  }

  private DeliveryView view(String id) {
    return TestDeliveries.view(dataSource, workspace, id);
  }

  /** Runs the loop until it finds nothing due. */
  private void drain() {
    while (sender.step("transactional")) {
      // keep going
    }
  }

  @Test
  void anAcceptedMessageIsSentWithTheDeliveryIdAsItsKey() {
    provider.script.add(DeliveryResult.accepted("<m-1@x.io>"));
    String id = queue(clock.instant());

    drain();

    DeliveryView v = view(id);
    assertThat(v.state()).isEqualTo("sent");
    assertThat(v.providerMessageId()).isEqualTo("<m-1@x.io>");
    assertThat(v.attempts()).isEqualTo(1);
    assertThat(v.metrics()).containsKeys("created", "attempted", "sent");
    assertThat(provider.sent).extracting(OutboundMessage::idempotencyKey).containsExactly(id);
    assertThat(provider.sent.get(0).recipient()).isEqualTo("ada@x.io");
  }

  @Test
  void aSentDeliveryIsTheRecipientsReceivedEngagementOnce() {
    provider.script.add(DeliveryResult.accepted("<m-2@x.io>"));
    String id = queue(clock.instant(), 7L);

    drain();

    assertThat(view(id).state()).isEqualTo("sent");
    assertThat(others.engagements)
        .containsExactly(
            new RecordingCollaborators.Engagement(
                workspace, "cio-1", "received", "7", clock.instant()));
    assertThat(others.events).as("no person event for a send").isEmpty();
    // A second node recording the same send (it outlived its lease) is not a second one.
    DeliveryQueue.Claimed again =
        new DeliveryQueue.Claimed(
            Transactions.autoCommit(dataSource, "test", c -> DeliveryStore.pk(c, workspace, id))
                .orElseThrow(),
            id,
            workspace,
            "transactional",
            "email",
            null,
            "ada@x.io",
            1,
            true,
            null,
            "cio-1",
            7L);
    boolean sentAgain =
        Transactions.inTransaction(
            dataSource,
            "test",
            c ->
                !DeliveryQueue.sentAll(
                        c,
                        List.of(new DeliveryQueue.Accepted(again, "<m-2@x.io>", "scripted", null)),
                        clock.instant())
                    .isEmpty());
    assertThat(sentAgain).as("not a first send").isFalse();
  }

  @Test
  void aQueuedDeliveryWhoseAddressWasSuppressedSinceIsDroppedUnsent() {
    String id = queue(clock.instant().plusSeconds(60));
    Instant suppressedAt = clock.instant();
    Transactions.inTransaction(
        dataSource,
        "test",
        c ->
            SuppressionStore.add(
                c, workspace, "email", "ADA@x.io", "hard_bounce", "d-earlier", suppressedAt));
    clock.advance(Duration.ofSeconds(60));

    drain();

    assertThat(provider.sent).isEmpty();
    DeliveryView v = view(id);
    assertThat(v.state()).isEqualTo("dropped");
    assertThat(v.reason())
        .isEqualTo("address suppressed: hard bounce (delivery d-earlier) at " + suppressedAt);
    assertThat(v.attempts()).isZero();
    assertThat(v.metrics()).containsKey("dropped").doesNotContainKey("sent");
    assertThat(others.engagements).isEmpty();
  }

  @Test
  void eachLaneHasItsOwnSenders() {
    provider.script.add(DeliveryResult.accepted("t"));
    provider.script.add(DeliveryResult.accepted("b"));
    String bulk = queue(clock.instant().minusSeconds(10), "bulk");
    String transactional = queue(clock.instant(), "transactional");

    drain();
    assertThat(view(transactional).state()).isEqualTo("sent");
    assertThat(view(bulk).state()).isEqualTo("queued");

    while (sender.step("bulk")) {
      // keep going
    }
    assertThat(view(bulk).state()).isEqualTo("sent");
  }

  @Test
  void bulkLoopsWaitForTransactionalTrafficBeforeEachClaimAndSendAndTransactionalOnesDoNot() {
    CountingTraffic traffic = new CountingTraffic();
    sender.traffic = traffic;
    sender.settings.bulkYieldMillis = 1;
    for (int i = 0; i < 3; i++) {
      provider.script.add(DeliveryResult.accepted("p" + i));
    }
    String first = queue(clock.instant().minusSeconds(10), "bulk");
    String second = queue(clock.instant().minusSeconds(10), "bulk");
    String transactional = queue(clock.instant(), "transactional");

    traffic.enter();
    try {
      drain();
      assertThat(traffic.waits).as("the transactional lane never waits").hasValue(0);
      assertThat(sender.step("bulk")).isTrue();
      assertThat(traffic.waits).as("before the claim and before each of the 2 sends").hasValue(3);
    } finally {
      traffic.exit();
    }
    assertThat(List.of(view(first).state(), view(second).state(), view(transactional).state()))
        .containsOnly("sent");
  }

  @Test
  void aScheduledMessageWaitsForItsTime() {
    provider.script.add(DeliveryResult.accepted("m"));
    String id = queue(clock.instant().plusSeconds(3600));

    drain();
    assertThat(view(id).state()).isEqualTo("queued");

    clock.advance(Duration.ofSeconds(3600));
    drain();
    assertThat(view(id).state()).isEqualTo("sent");
  }

  @Test
  void aPermanentFailureEndsTheDeliveryWithTheReason() {
    provider.script.add(DeliveryResult.permanent("550 mailbox unknown"));
    String id = queue(clock.instant());

    drain();

    DeliveryView v = view(id);
    assertThat(v.state()).isEqualTo("failed");
    assertThat(v.reason()).isEqualTo("550 mailbox unknown");
    assertThat(v.metrics()).containsKey("failed").doesNotContainKey("sent");
  }

  @Test
  void retryableFailuresBackOffThenGiveUpAfterMaxAttempts() {
    provider.script.add(DeliveryResult.retryable("451 try later", Duration.ZERO));
    provider.script.add(DeliveryResult.retryable("451 try later", Duration.ofMinutes(10)));
    provider.script.add(DeliveryResult.retryable("451 try later", Duration.ZERO));
    String id = queue(clock.instant());

    drain();
    assertThat(view(id).state()).isEqualTo("queued");
    assertThat(view(id).reason()).isEqualTo("451 try later");
    clock.advance(Duration.ofSeconds(29));
    drain();
    assertThat(provider.sent).hasSize(1);

    clock.advance(Duration.ofSeconds(1)); // 30 s: the first backoff
    drain();
    assertThat(provider.sent).hasSize(2);
    clock.advance(Duration.ofMinutes(9)); // the provider asked for 10 minutes
    drain();
    assertThat(provider.sent).hasSize(2);
    clock.advance(Duration.ofMinutes(1));
    drain();

    DeliveryView v = view(id);
    assertThat(provider.sent).hasSize(3);
    assertThat(v.state()).isEqualTo("failed");
    assertThat(v.reason()).isEqualTo("451 try later (gave up after 3 attempts)");
    assertThat(v.attempts()).isEqualTo(3);
  }

  @Test
  void rateLimitingWaitsWithoutCountingAnAttempt() {
    provider.script.add(DeliveryResult.rateLimited(Duration.ofSeconds(5)));
    provider.script.add(DeliveryResult.accepted("m"));
    String id = queue(clock.instant());

    drain();
    assertThat(view(id).state()).isEqualTo("queued");
    assertThat(view(id).attempts()).isZero();
    clock.advance(Duration.ofSeconds(5));
    drain();

    assertThat(view(id).state()).isEqualTo("sent");
    assertThat(view(id).attempts()).isEqualTo(1);
  }

  @Test
  void aNodeThatStoppedMidSendLeavesItsDeliveriesToAnotherOnceTheLeaseRunsOut() {
    String id = queue(clock.instant());
    // A node claims it and stops before recording the outcome.
    List<DeliveryQueue.Claimed> claimed =
        Transactions.inTransaction(
            dataSource,
            "test",
            c ->
                DeliveryQueue.claim(
                    c, "transactional", clock.instant(), clock.instant().plusSeconds(60), 100));
    assertThat(claimed).extracting(DeliveryQueue.Claimed::deliveryId).contains(id);
    assertThat(view(id).state()).isEqualTo("sending");

    provider.script.add(DeliveryResult.accepted("m"));
    drain();
    assertThat(provider.sent).isEmpty();

    clock.advance(Duration.ofSeconds(60));
    drain();
    assertThat(provider.sent).extracting(OutboundMessage::idempotencyKey).containsExactly(id);
    assertThat(view(id).state()).isEqualTo("sent");
    assertThat(view(id).attempts()).isEqualTo(2);
  }

  @Test
  void twoNodesNeverClaimTheSameDelivery() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(queue(clock.instant()));
    }
    List<DeliveryQueue.Claimed> first = new ArrayList<>();
    try (var c = dataSource.getConnection()) {
      c.setTransactionIsolation(java.sql.Connection.TRANSACTION_READ_COMMITTED);
      c.setAutoCommit(false);
      first.addAll(
          DeliveryQueue.claim(
              c, "transactional", clock.instant(), clock.instant().plusSeconds(60), 25));
      // The first node's transaction is still open: the second skips its locked rows.
      List<DeliveryQueue.Claimed> second =
          Transactions.inTransaction(
              dataSource,
              "test",
              c2 ->
                  DeliveryQueue.claim(
                      c2, "transactional", clock.instant(), clock.instant().plusSeconds(60), 100));
      c.commit();
      List<String> a = first.stream().map(DeliveryQueue.Claimed::deliveryId).toList();
      List<String> b = second.stream().map(DeliveryQueue.Claimed::deliveryId).toList();
      assertThat(a).doesNotContainAnyElementsOf(b);
      assertThat(a.stream().filter(ids::contains)).hasSize(25);
      assertThat(b.stream().filter(ids::contains)).hasSize(15);
    }
  }

  @Test
  void withoutAConfiguredChannelTheDeliveryWaitsAndSaysWhy() {
    DeliverySender unconfigured = senderFor(-1);
    String id = queue(clock.instant());

    while (unconfigured.step("transactional")) {
      // keep going
    }

    assertThat(view(id).state()).isEqualTo("queued");
    assertThat(view(id).reason()).isEqualTo("no email channel is configured in the workspace");
  }

  /** Answers each send with the next scripted result. */
  private static final class ScriptedProvider implements ChannelProvider {
    final Deque<DeliveryResult> script = new ArrayDeque<>();
    final List<OutboundMessage> sent = new ArrayList<>();

    @Override
    public synchronized DeliveryResult send(OutboundMessage message) {
      sent.add(message);
      DeliveryResult next = script.poll();
      if (next == null) {
        throw new AssertionError("unexpected send of " + message.idempotencyKey());
      }
      return next;
    }

    @Override
    public ProviderHealth health() {
      return ProviderHealth.up("scripted");
    }
  }
}
