package io.herald.inapp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.inapp.api.InAppContent;
import io.herald.inapp.api.InAppMessage;
import io.herald.messaging.api.DeliveryReports;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.MigratedTestDatabase;
import io.herald.testing.MovableClock;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The in-app queue on a real database: the host provider's sends (once per delivery id), what the
 * SDK is served, the events' states and reports, and a long poll woken by a message queued on
 * another node.
 */
class InAppQueueIT {

  private static DataSource dataSource;

  private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  private final List<DeliveryEvent> reported = new CopyOnWriteArrayList<>();
  private WorkspaceId ws;
  private InAppStore store;
  private DefaultInAppInbox inbox;
  private LongPolls polls;
  private InAppChannel channel;
  private SdkEvents events;

  @BeforeAll
  static void database() {
    dataSource = MigratedTestDatabase.dataSource();
  }

  @BeforeEach
  void wire() {
    ws = new WorkspaceId(MigratedTestDatabase.freshWorkspace());
    store = new InAppStore();
    store.dataSource = dataSource;
    polls = new LongPolls();
    polls.store = store;
    polls.clock = clock;
    polls.threads = new Threads();
    InAppSettings settings = new InAppSettings();
    settings.messageTtlDays = 30;
    settings.tokenTtlSeconds = 3600;
    settings.allowedOrigins = "*";
    inbox = new DefaultInAppInbox();
    inbox.store = store;
    inbox.polls = polls;
    inbox.settings = settings;
    inbox.clock = clock;
    channel = new InAppChannel();
    channel.inbox = inbox;
    channel.people = people();
    events = new SdkEvents();
    events.store = store;
    events.clock = clock;
    DeliveryReports reports =
        (workspace, list) -> {
          assertThat(workspace).isEqualTo(ws);
          reported.addAll(list);
          return list.size();
        };
    events.reports = reports;
  }

  @AfterEach
  void forget() {
    polls.stop();
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          try (var d = c.prepareStatement("DELETE FROM inapp_message WHERE workspace_id = ?")) {
            d.setLong(1, ws.value());
            return d.executeUpdate();
          }
        });
  }

  @Test
  void aSendQueuesTheMessageOncePerDelivery() {
    ChannelProvider provider = channel.create(ws);

    DeliveryResult first = provider.send(message("d-1", "42", "Welcome"));
    DeliveryResult again = provider.send(message("d-1", "42", "Changed on retry"));

    assertThat(first).isEqualTo(DeliveryResult.accepted("d-1"));
    assertThat(again).isEqualTo(DeliveryResult.accepted("d-1"));
    List<InAppMessage> pending = inbox.pending(ws, "cio42");
    assertThat(pending).hasSize(1);
    InAppMessage m = pending.get(0);
    assertThat(m.deliveryId()).isEqualTo("d-1");
    assertThat(m.cioId()).isEqualTo("cio42");
    assertThat(m.state()).isEqualTo("pending");
    assertThat(m.content().title()).isEqualTo("Welcome");
    assertThat(m.content().type()).isEqualTo("banner");
    assertThat(m.content().buttons()).hasSize(2);
    assertThat(m.createdAt()).isEqualTo(clock.instant());
    assertThat(m.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
  }

  @Test
  void theRecipientMayBeACioIdOrAnIdAndAnUnknownPersonIsAnInvalidRecipient() {
    ChannelProvider provider = channel.create(ws);

    assertThat(provider.send(message("d-cio", "cio42", "By cio_id")))
        .isEqualTo(DeliveryResult.accepted("d-cio"));
    assertThat(provider.send(message("d-nobody", "nobody", "x")))
        .isInstanceOf(DeliveryResult.InvalidRecipient.class);
    assertThat(inbox.recent(ws, "cio42", 10))
        .extracting(InAppMessage::deliveryId)
        .containsExactly("d-cio");
  }

  @Test
  void theMetadataCioIdNamesThePersonWhenMessagingPassesOne() {
    OutboundMessage m =
        OutboundMessage.builder("d-meta", ChannelKind.IN_APP, "42")
            .subject("By metadata")
            .metadata(Map.of("delivery_id", "d-meta", "cio_id", "cio42"))
            .build();
    OutboundMessage unknown =
        OutboundMessage.builder("d-meta-2", ChannelKind.IN_APP, "42")
            .subject("Nobody")
            .metadata(Map.of("cio_id", "cio-gone"))
            .build();

    assertThat(channel.create(ws).send(m)).isEqualTo(DeliveryResult.accepted("d-meta"));
    assertThat(channel.create(ws).send(unknown))
        .isInstanceOf(DeliveryResult.InvalidRecipient.class);
    assertThat(inbox.recent(ws, "cio42", 10))
        .extracting(InAppMessage::deliveryId)
        .containsExactly("d-meta");
  }

  @Test
  void contentThatCannotBeShownFailsPermanently() {
    OutboundMessage bad =
        OutboundMessage.builder("d-bad", ChannelKind.IN_APP, "42")
            .subject("t")
            .payload(Map.of("type", "popup"))
            .build();

    DeliveryResult result = channel.create(ws).send(bad);

    assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(((DeliveryResult.PermanentFailure) result).reason())
        .isEqualTo("in-app content: type must be modal or banner");
    assertThat(inbox.recent(ws, "cio42", 10)).isEmpty();
  }

  @Test
  void onlyPendingUnexpiredMessagesAreServedOldestFirst() {
    inbox.queue(ws, "cio42", "d-a", content("A"));
    clock.advance(Duration.ofSeconds(1));
    inbox.queue(ws, "cio42", "d-b", content("B"));
    inbox.queue(ws, "cio43", "d-c", content("someone else's"));
    events.record(ws, "cio42", "d-a", "opened", null);

    assertThat(inbox.pending(ws, "cio42"))
        .extracting(InAppMessage::deliveryId)
        .containsExactly("d-b");
    assertThat(inbox.recent(ws, "cio42", 10))
        .extracting(InAppMessage::deliveryId)
        .containsExactly("d-b", "d-a");

    clock.advance(Duration.ofDays(30));
    assertThat(inbox.pending(ws, "cio42")).isEmpty();
  }

  @Test
  void eventsMoveTheStateOnceAndReportOpensAndClicks() {
    inbox.queue(ws, "cio42", "d-1", content("Hello"));

    assertThat(events.record(ws, "cio42", "d-1", "opened", null)).isEqualTo("shown");
    assertThat(events.record(ws, "cio42", "d-1", "clicked", "https://example.com/go"))
        .isEqualTo("clicked");
    assertThat(events.record(ws, "cio42", "d-1", "dismissed", null)).isEqualTo("clicked");

    assertThat(reported)
        .extracting(DeliveryEvent::providerMessageId, DeliveryEvent::kind, DeliveryEvent::url)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d-1", DeliveryEvent.Kind.OPENED, ""),
            org.assertj.core.groups.Tuple.tuple("d-1", DeliveryEvent.Kind.OPENED, ""),
            org.assertj.core.groups.Tuple.tuple(
                "d-1", DeliveryEvent.Kind.CLICKED, "https://example.com/go"));
    Transactions.autoCommit(
        dataSource,
        "test",
        c -> {
          try (var q =
              c.prepareStatement(
                  "SELECT clicked_url, shown_at IS NOT NULL, acted_at IS NOT NULL"
                      + " FROM inapp_message WHERE workspace_id = ? AND delivery_id = 'd-1'")) {
            q.setLong(1, ws.value());
            try (var rs = q.executeQuery()) {
              assertThat(rs.next()).isTrue();
              assertThat(rs.getString(1)).isEqualTo("https://example.com/go");
              assertThat(rs.getBoolean(2)).isTrue();
              assertThat(rs.getBoolean(3)).isTrue();
            }
          }
          return null;
        });
  }

  @Test
  void aDismissedMessageIsNotReportedAsClicked() {
    inbox.queue(ws, "cio42", "d-1", content("Hello"));

    assertThat(events.record(ws, "cio42", "d-1", "dismissed", null)).isEqualTo("dismissed");
    assertThat(events.record(ws, "cio42", "d-1", "opened", null)).isEqualTo("dismissed");

    assertThat(reported).extracting(DeliveryEvent::kind).containsExactly(DeliveryEvent.Kind.OPENED);
  }

  @Test
  void eventsAboutOthersMessagesOrForeignUrlsAreRefused() {
    inbox.queue(ws, "cio42", "d-1", content("Hello"));

    assertThatThrownBy(() -> events.record(ws, "cio43", "d-1", "opened", null))
        .isInstanceOfSatisfying(SdkEvents.Refused.class, e -> assertThat(e.notFound()).isTrue());
    assertThatThrownBy(
            () -> events.record(new WorkspaceId(ws.value() + 1), "cio42", "d-1", "opened", null))
        .isInstanceOfSatisfying(SdkEvents.Refused.class, e -> assertThat(e.notFound()).isTrue());
    assertThatThrownBy(() -> events.record(ws, "cio42", "d-unknown", "opened", null))
        .isInstanceOfSatisfying(SdkEvents.Refused.class, e -> assertThat(e.notFound()).isTrue());
    assertThatThrownBy(() -> events.record(ws, "cio42", "d-1", "clicked", "https://evil.test/"))
        .isInstanceOfSatisfying(
            SdkEvents.Refused.class,
            e ->
                assertThat(e)
                    .hasMessage("url is not the URL of a button of this message")
                    .matches(r -> !r.notFound()));
    assertThatThrownBy(() -> events.record(ws, "cio42", "d-1", "exploded", null))
        .hasMessage("event must be one of opened, clicked, dismissed");
    assertThat(reported).isEmpty();
    assertThat(inbox.pending(ws, "cio42")).hasSize(1);
  }

  @Test
  void aLongPollWakesForAMessageQueuedOnAnotherNode() throws InterruptedException {
    CountDownLatch woken = new CountDownLatch(1);
    polls.await(ws, "cio42", woken::countDown);
    assertThat(polls.waiting()).isEqualTo(1);

    // Straight into the table, as another node's queue would: no local wake-up.
    store.insert(
        ws,
        "cio42",
        "d-remote",
        content("From afar"),
        clock.instant(),
        clock.instant().plusSeconds(60));

    assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(polls.waiting()).isZero();
  }

  @Test
  void aLocalQueueWakesAtOnceAndACancelledWaiterIsNotRun() throws InterruptedException {
    CountDownLatch woken = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    polls.await(ws, "cio42", woken::countDown);
    polls.await(ws, "cio42", cancelled::countDown).cancel();

    inbox.queue(ws, "cio42", "d-local", content("Here"));

    assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(cancelled.getCount()).isEqualTo(1);
    assertThat(polls.waiting()).isZero();
  }

  @Test
  void aWorkspacesAllowedOriginsReplaceTheNodeDefaultUntilCleared() {
    InAppSettings settings = new InAppSettings();
    settings.allowedOrigins = "*";
    DefaultSdkOrigins origins = new DefaultSdkOrigins();
    origins.dataSource = dataSource;
    origins.settings = settings;
    origins.clock = clock;
    try {
      assertThat(origins.allowed(ws)).containsExactly("*");
      assertThat(origins.isDefault(ws)).isTrue();

      origins.set(ws, List.of("https://App.example.com", "http://localhost:3000"));
      assertThat(origins.allowed(ws))
          .containsExactly("https://app.example.com", "http://localhost:3000");
      assertThat(origins.isDefault(ws)).isFalse();
      assertThat(origins.allowed(new WorkspaceId(ws.value() + 1))).containsExactly("*");
      assertThatThrownBy(() -> origins.set(ws, List.of("https://a.test/x")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(origins.allowed(ws)).hasSize(2);

      origins.set(ws, List.of());
      assertThat(origins.allowed(ws)).containsExactly("*");
      assertThat(origins.isDefault(ws)).isTrue();
    } finally {
      origins.set(ws, List.of());
    }
  }

  private static OutboundMessage message(String key, String recipient, String title) {
    return OutboundMessage.builder(key, ChannelKind.IN_APP, recipient)
        .subject(title)
        .body("The message")
        .payload(
            Map.of(
                "type",
                "banner",
                "buttons",
                List.of(
                    Map.of("label", "Open", "action", "url", "url", "https://example.com/go"),
                    Map.of("label", "Close", "action", "dismiss"))))
        .build();
  }

  private static InAppContent content(String title) {
    return InAppContent.of(
        title,
        "text",
        Map.of(
            "buttons",
            List.of(
                Map.of("label", "Go", "url", "https://example.com/go"), Map.of("label", "No"))));
  }

  /** People: cio42 has id 42; nobody else exists. */
  private static PeopleService people() {
    PersonView ada =
        new PersonView(
            "cio42",
            "42",
            "ada@example.com",
            Jsons.createObjectBuilder().build(),
            Map.of(),
            false,
            Instant.EPOCH,
            Instant.EPOCH);
    return (PeopleService)
        Proxy.newProxyInstance(
            PeopleService.class.getClassLoader(),
            new Class<?>[] {PeopleService.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("find")) {
                throw new AssertionError("unexpected call " + method.getName());
              }
              PersonRef ref = (PersonRef) args[1];
              boolean match =
                  (ref.type() == IdType.CIO_ID && ref.value().equals("cio42"))
                      || (ref.type() == IdType.ID && ref.value().equals("42"));
              return match ? Optional.of(ada) : Optional.empty();
            });
  }

  /** Plain daemon threads standing in for the container's managed ones. */
  private static final class Threads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "inapp-test");
      t.setDaemon(true);
      return t;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
    }
  }
}
