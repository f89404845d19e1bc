package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.events.api.EventSubject;
import io.herald.events.api.NewEvent;
import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.SuppressionView;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.MigratedTestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider-reported events on a real database: matched by provider message id within the workspace,
 * each kind recorded once, delivery reports and bounces and failures moving sent deliveries on,
 * hard bounces and complaints suppressing the address, unknown ids counted. What goes to other
 * modules (person events, identify calls) is recorded by {@link RecordingCollaborators}; the
 * container test TransactionalEmailIT covers the real modules.
 */
class ProviderEventsIT {

  private static DataSource dataSource;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final Instant reported = now.minusSeconds(90);
  private long workspace;
  private long otherWorkspace;
  private ProviderEvents events;
  private RecordingCollaborators others;

  @BeforeAll
  static void database() {
    dataSource = MigratedTestDatabase.dataSource();
  }

  @BeforeEach
  void events() {
    workspace = MigratedTestDatabase.freshWorkspace();
    otherWorkspace = workspace + 1;
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    others = new RecordingCollaborators();
    Engagements engagements = new Engagements();
    engagements.dataSource = dataSource;
    engagements.clock = clock;
    engagements.events = others.eventService();
    engagements.engagements = others.engagementRecorder();
    engagements.people = others.people();
    events = new ProviderEvents();
    events.dataSource = dataSource;
    events.engagements = engagements;
    events.clock = clock;
  }

  @AfterEach
  void forget() {
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          for (String table : List.of("messaging_delivery", "messaging_suppression")) {
            try (var d =
                c.prepareStatement("DELETE FROM " + table + " WHERE workspace_id IN (?, ?)")) {
              d.setLong(1, workspace);
              d.setLong(2, otherWorkspace);
              d.executeUpdate();
            }
          }
          return null;
        });
  }

  /** A delivery to nobody's ada@x.io that the provider accepted as {@code providerId}. */
  private String sent(long ws, String providerId) {
    return sent(ws, providerId, null, "ada@x.io");
  }

  /** A delivery to a person's address that the provider accepted as {@code providerId}. */
  private String sent(long ws, String providerId, String cioId, String recipient) {
    return sent(ws, providerId, cioId, recipient, "email");
  }

  /** A delivery on {@code channel} that the provider accepted as {@code providerId}. */
  private String sent(long ws, String providerId, String cioId, String recipient, String channel) {
    String id = "d" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          long pk =
              DeliveryStore.insert(
                  c,
                  new DeliveryStore.NewDelivery(
                      id,
                      ws,
                      cioId,
                      channel,
                      "transactional",
                      7L,
                      recipient,
                      "Subject",
                      "queued",
                      null,
                      now,
                      true,
                      StoredBody.of("{}")),
                  now.minusSeconds(300));
          try (var u =
              c.prepareStatement(
                  "UPDATE messaging_delivery SET state = 'sent', due_at = NULL,"
                      + " provider_message_id = ? WHERE id = ?")) {
            u.setString(1, providerId);
            u.setLong(2, pk);
            u.executeUpdate();
          }
          return pk;
        });
    return id;
  }

  private DeliveryView view(long ws, String id) {
    return Transactions.autoCommit(dataSource, "test", c -> DeliveryStore.find(c, ws, id))
        .orElseThrow();
  }

  private static String providerId() {
    return "<" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE) + "@herald.test>";
  }

  @Test
  void aBounceEndsTheDeliveryWithItsDiagnosticOnce() {
    String pid = providerId();
    String id = sent(workspace, pid);
    DeliveryEvent hard =
        DeliveryEvent.bounced(pid, "ada@x.io", true, "550 5.1.1 user unknown", reported);

    ProviderEvents.Applied first = events.apply(workspace, List.of(hard));
    ProviderEvents.Applied again =
        events.apply(workspace, List.of(DeliveryEvent.bounced(pid, "ada@x.io", false, "452", now)));

    assertThat(first).isEqualTo(new ProviderEvents.Applied(1, 1, 0, 0));
    assertThat(again).isEqualTo(new ProviderEvents.Applied(1, 0, 1, 0));
    DeliveryView view = view(workspace, id);
    assertThat(view.state()).isEqualTo("bounced");
    assertThat(view.reason()).isEqualTo("550 5.1.1 user unknown");
    assertThat(view.metrics()).containsEntry("bounced", reported);
  }

  @Test
  void aDeliveryReportMovesASentDeliveryToDeliveredAndALaterBounceEndsIt() {
    String pid = providerId();
    String id = sent(workspace, pid);

    ProviderEvents.Applied first =
        events.apply(workspace, List.of(DeliveryEvent.delivered(pid, "ada@x.io", reported)));
    ProviderEvents.Applied again =
        events.apply(workspace, List.of(DeliveryEvent.delivered(pid, "ada@x.io", now)));

    assertThat(first.applied()).isEqualTo(1);
    assertThat(again.duplicates()).isEqualTo(1);
    DeliveryView view = view(workspace, id);
    assertThat(view.state()).isEqualTo("delivered");
    assertThat(view.metrics())
        .containsEntry("delivered", reported)
        .containsKey("created")
        .doesNotContainKey("bounced");

    // An asynchronous bounce after the receiving server's acceptance still ends it.
    events.apply(workspace, List.of(DeliveryEvent.bounced(pid, "", true, "550 5.1.1", now)));
    assertThat(view(workspace, id).state()).isEqualTo("bounced");
    assertThat(view(workspace, id).metrics())
        .containsEntry("delivered", reported)
        .containsEntry("bounced", now);
  }

  @Test
  void aDeliveryReportLeavesADeliveryThatEndedAlone() {
    String pid = providerId();
    String id = sent(workspace, pid);
    events.apply(workspace, List.of(DeliveryEvent.failed(pid, "", "rejected", reported)));

    events.apply(workspace, List.of(DeliveryEvent.delivered(pid, "", now)));

    assertThat(view(workspace, id).state()).isEqualTo("failed");
    assertThat(view(workspace, id).metrics()).containsEntry("delivered", now);
  }

  private Optional<SuppressionView> suppression(long ws, String address) {
    return Transactions.autoCommit(
        dataSource, "test", c -> SuppressionStore.find(c, ws, "email", address));
  }

  @Test
  void aHardBounceSuppressesTheAddressAndBecomesAPersonEvent() {
    String pid = providerId();
    String id = sent(workspace, pid, "cio-bounce", "Ada Lovelace <Ada@X.io>");

    events.apply(
        workspace,
        List.of(DeliveryEvent.bounced(pid, "ada@x.io", true, "550 5.1.1 unknown", reported)));
    events.apply(workspace, List.of(DeliveryEvent.bounced(pid, "ada@x.io", true, "again", now)));

    SuppressionView s = suppression(workspace, " ADA@x.io ").orElseThrow();
    assertThat(s.address()).isEqualTo("ada@x.io");
    assertThat(s.reason()).isEqualTo(SuppressionView.HARD_BOUNCE);
    assertThat(s.deliveryId()).isEqualTo(id);
    assertThat(s.createdAt()).isEqualTo(now);
    assertThat(s.describe())
        .isEqualTo("address suppressed: hard bounce (delivery " + id + ") at " + now);
    assertThat(suppression(otherWorkspace, "ada@x.io")).isEmpty();
    assertThat(others.eventNames()).containsExactly("email_bounced");
    NewEvent bounced = others.events.get(0);
    assertThat(bounced.subject()).isEqualTo(new EventSubject.Person("cio-bounce"));
    assertThat(bounced.occurredAt()).isEqualTo(reported);
    assertThat(bounced.dedupeId()).isEqualTo(id + ":bounced");
    assertThat(bounced.data().getString("delivery_id")).isEqualTo(id);
    assertThat(bounced.data().getInt("transactional_message_id")).isEqualTo(7);
    assertThat(bounced.data().getString("reason")).isEqualTo("550 5.1.1 unknown");
    assertThat(bounced.data().getBoolean("permanent")).isTrue();
    assertThat(others.engagements).as("segments have no bounce engagement").isEmpty();
  }

  @Test
  void aSoftBounceEndsTheDeliveryButDoesNotSuppress() {
    String pid = providerId();
    String id = sent(workspace, pid, "cio-soft", "soft@x.io");

    events.apply(
        workspace,
        List.of(DeliveryEvent.bounced(pid, "soft@x.io", false, "452 4.2.2 mailbox full", now)));

    assertThat(view(workspace, id).state()).isEqualTo("bounced");
    assertThat(suppression(workspace, "soft@x.io")).isEmpty();
    assertThat(others.eventNames()).containsExactly("email_bounced");
    assertThat(others.events.get(0).data().getBoolean("permanent")).isFalse();
  }

  @Test
  void aComplaintSuppressesUnsubscribesAndBecomesAPersonEventOnce() {
    String pid = providerId();
    String id = sent(workspace, pid, "cio-spam", "spam@x.io");

    events.apply(
        workspace,
        List.of(
            DeliveryEvent.complained(pid, "", "abuse", reported),
            DeliveryEvent.complained(pid, "", "abuse", now)));

    SuppressionView s = suppression(workspace, "spam@x.io").orElseThrow();
    assertThat(s.reason()).isEqualTo(SuppressionView.COMPLAINT);
    assertThat(s.deliveryId()).isEqualTo(id);
    assertThat(others.identifies).hasSize(1);
    assertThat(others.identifies.get(0).ref().value()).isEqualTo("cio-spam");
    assertThat(others.identifies.get(0).body()).isEqualTo("{\"unsubscribed\":true}");
    assertThat(others.eventNames()).containsExactly("email_marked_as_spam");
    assertThat(others.events.get(0).data().getString("reason")).isEqualTo("abuse");
    assertThat(others.events.get(0).dedupeId()).isEqualTo(id + ":marked_as_spam");
    assertThat(view(workspace, id).state()).isEqualTo("sent");
  }

  @Test
  void providerOpensAndClicksBecomeEngagementsAndEvents() {
    String pid = providerId();
    String id = sent(workspace, pid, "cio-open", "open@x.io");

    events.apply(
        workspace,
        List.of(
            DeliveryEvent.opened(pid, "", reported),
            DeliveryEvent.clicked(pid, "", "https://x.io/a", now),
            DeliveryEvent.opened(pid, "", now)));

    assertThat(others.eventNames()).containsExactly("email_opened", "email_clicked");
    assertThat(others.events.get(0).dedupeId()).isEqualTo(id + ":opened");
    assertThat(others.events.get(1).data().getString("href")).isEqualTo("https://x.io/a");
    assertThat(others.engagements)
        .containsExactly(
            new RecordingCollaborators.Engagement(workspace, "cio-open", "opened", "7", reported),
            new RecordingCollaborators.Engagement(workspace, "cio-open", "clicked", "7", now));
  }

  @Test
  void aHostProvidersReportsAreAppliedAsCallbackEvents() {
    // The in-app module reports through DeliveryReports with the delivery id it was accepted as.
    String id = "d" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
    String delivery = sent(workspace, id, "cio-inapp", "cio-inapp", "in_app");
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          try (var u =
              c.prepareStatement(
                  "UPDATE messaging_delivery SET provider_message_id = delivery_id"
                      + " WHERE delivery_id = ?")) {
            u.setString(1, delivery);
            return u.executeUpdate();
          }
        });

    int applied =
        events.report(
            new io.herald.workspace.api.WorkspaceId(workspace),
            List.of(
                DeliveryEvent.opened(delivery, "cio-inapp", reported),
                DeliveryEvent.opened(delivery, "cio-inapp", now),
                DeliveryEvent.clicked(delivery, "cio-inapp", "https://x.io/b", now)));

    assertThat(applied).isEqualTo(2);
    // One person event per kind (how they are named per channel is Engagements' business).
    assertThat(others.eventNames()).hasSize(2);
    assertThat(others.engagements)
        .containsExactly(
            new RecordingCollaborators.Engagement(workspace, "cio-inapp", "opened", "7", reported),
            new RecordingCollaborators.Engagement(workspace, "cio-inapp", "clicked", "7", now));
    assertThat(view(workspace, delivery).metrics())
        .containsEntry("opened", reported)
        .containsEntry("clicked", now);
    assertThat(
            events.report(
                new io.herald.workspace.api.WorkspaceId(otherWorkspace),
                List.of(DeliveryEvent.opened(delivery, "", now))))
        .isZero();
  }

  @Test
  void aProviderFailureEndsTheDeliveryAsFailed() {
    String pid = providerId();
    String id = sent(workspace, pid);

    events.apply(workspace, List.of(DeliveryEvent.failed(pid, "", "suppressed by provider", now)));

    assertThat(view(workspace, id).state()).isEqualTo("failed");
    assertThat(view(workspace, id).reason()).isEqualTo("suppressed by provider");
  }

  @Test
  void complaintsOpensAndClicksBecomeTheirMetrics() {
    String pid = providerId();
    String id = sent(workspace, pid);

    ProviderEvents.Applied applied =
        events.apply(
            workspace,
            List.of(
                DeliveryEvent.opened(pid, "", reported),
                DeliveryEvent.clicked(pid, "", "https://x.io/a", reported),
                DeliveryEvent.complained(pid, "", "feedback-type abuse", reported),
                DeliveryEvent.opened(pid, "", now)));

    assertThat(applied).isEqualTo(new ProviderEvents.Applied(4, 3, 1, 0));
    assertThat(view(workspace, id).metrics())
        .containsEntry("opened", reported)
        .containsEntry("clicked", reported)
        .containsEntry("spammed", reported);
    assertThat(view(workspace, id).state()).isEqualTo("sent");
  }

  @Test
  void idsAreMatchedOnlyWithinTheWorkspace() {
    String pid = providerId();
    String mine = sent(workspace, pid);
    String theirs = sent(otherWorkspace, pid);

    ProviderEvents.Applied applied =
        events.apply(
            workspace,
            List.of(
                DeliveryEvent.bounced(pid, "", true, "550", now),
                DeliveryEvent.bounced(providerId(), "", true, "550", now),
                DeliveryEvent.delivered("x".repeat(300), "", now)));

    assertThat(applied).isEqualTo(new ProviderEvents.Applied(3, 1, 0, 2));
    assertThat(view(workspace, mine).state()).isEqualTo("bounced");
    assertThat(view(otherWorkspace, theirs).state()).isEqualTo("sent");
    assertThat(view(otherWorkspace, theirs).metrics()).doesNotContainKey("bounced");
  }
}
