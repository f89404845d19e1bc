package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.DeliveryView;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.shared.persistence.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider-reported events on a real database: matched by provider message id within the workspace,
 * each kind recorded once, bounces and failures ending sent deliveries, unknown ids counted. The
 * deliveries belong to no person, so {@link Engagements} needs only the database (unsubscribing a
 * complaining person is covered by TransactionalEmailIT).
 */
class ProviderEventsIT {

  private static DataSource dataSource;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final Instant reported = now.minusSeconds(90);
  private long workspace;
  private long otherWorkspace;
  private ProviderEvents events;

  @BeforeAll
  static void database() {
    dataSource = MessagingTestDatabase.dataSource();
  }

  @BeforeEach
  void events() {
    workspace = MessagingTestDatabase.freshWorkspace();
    otherWorkspace = workspace + 1;
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    Engagements engagements = new Engagements();
    engagements.dataSource = dataSource;
    engagements.clock = clock;
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
          try (var d =
              c.prepareStatement("DELETE FROM messaging_delivery WHERE workspace_id IN (?, ?)")) {
            d.setLong(1, workspace);
            d.setLong(2, otherWorkspace);
            return d.executeUpdate();
          }
        });
  }

  /** A delivery the provider accepted as {@code providerId}. */
  private String sent(long ws, String providerId) {
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
                      null,
                      "email",
                      "transactional",
                      null,
                      "ada@x.io",
                      "Subject",
                      "queued",
                      null,
                      now,
                      true,
                      "{}"),
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
  void aDeliveryReportIsAMetricOnly() {
    String pid = providerId();
    String id = sent(workspace, pid);

    events.apply(workspace, List.of(DeliveryEvent.delivered(pid, "ada@x.io", reported)));

    DeliveryView view = view(workspace, id);
    assertThat(view.state()).isEqualTo("sent");
    assertThat(view.metrics()).containsEntry("delivered", reported).containsKey("created");
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
