package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.Suppressions;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The suppression list on a real database: manual adds, paging newest first, removal. */
class SuppressionsIT {

  private static DataSource dataSource;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private long workspace;
  private WorkspaceId ws;
  private DefaultSuppressions suppressions;

  @BeforeAll
  static void database() {
    dataSource = MigratedTestDatabase.dataSource();
  }

  @BeforeEach
  void suppressions() {
    workspace = MigratedTestDatabase.freshWorkspace();
    ws = new WorkspaceId(workspace);
    suppressions = new DefaultSuppressions();
    suppressions.dataSource = dataSource;
    suppressions.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  @AfterEach
  void forget() {
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          try (var d =
              c.prepareStatement(
                  "DELETE FROM messaging_suppression WHERE workspace_id IN (?, ?)")) {
            d.setLong(1, workspace);
            d.setLong(2, workspace + 1);
            return d.executeUpdate();
          }
        });
  }

  @Test
  void aManualAddIsKeptOnceUnderTheNormalisedAddress() {
    Suppressions.Added first = suppressions.add(ws, "email", " Ada <ADA@Example.com>");
    Suppressions.Added again = suppressions.add(ws, "email", "ada@example.com");

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.suppression()).isEqualTo(first.suppression());
    SuppressionView s = first.suppression();
    assertThat(s.address()).isEqualTo("ada@example.com");
    assertThat(s.reason()).isEqualTo("manual");
    assertThat(s.deliveryId()).isNull();
    assertThat(s.createdAt()).isEqualTo(now);
    assertThat(suppressions.find(ws, "email", "Ada@example.com")).contains(s);
    assertThat(suppressions.find(new WorkspaceId(workspace + 1), "email", "ada@example.com"))
        .isEmpty();
  }

  @Test
  void anEarlierReasonStays() {
    Transactions.inTransaction(
        dataSource,
        "test",
        c ->
            SuppressionStore.add(
                c, workspace, "email", "b@x.io", SuppressionView.HARD_BOUNCE, "d-1", now));

    Suppressions.Added added = suppressions.add(ws, "email", "b@x.io");

    assertThat(added.created()).isFalse();
    assertThat(added.suppression().reason()).isEqualTo("hard_bounce");
    assertThat(added.suppression().deliveryId()).isEqualTo("d-1");
  }

  @Test
  void badChannelsAndAddressesAreRefused() {
    assertThatThrownBy(() -> suppressions.add(ws, "fax", "a@b.io"))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessage("channel must be one of email, sms, whatsapp, push");
    assertThatThrownBy(() -> suppressions.add(ws, "sms", "a@b.io"))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessage("address must be an E.164 phone number such as +15555550100");
    // Each channel has its own list: a number suppressed for SMS is not suppressed for WhatsApp.
    assertThat(suppressions.add(ws, "sms", " +15555550100 ").created()).isTrue();
    assertThat(suppressions.find(ws, "sms", "+15555550100")).isPresent();
    assertThat(suppressions.find(ws, "whatsapp", "+15555550100")).isEmpty();
    assertThat(suppressions.remove(ws, "sms", "+15555550100")).isTrue();
    assertThatThrownBy(() -> suppressions.add(ws, "email", "not an address"))
        .isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(() -> suppressions.add(ws, "email", null))
        .isInstanceOf(InvalidMessageException.class);
    assertThat(suppressions.list(ws, "email", null, 10)).isEmpty();
  }

  @Test
  void theListPagesNewestFirstAndRemovalLiftsASuppression() {
    for (int i = 0; i < 5; i++) {
      suppressions.add(ws, "email", "p" + i + "@x.io");
    }
    suppressions.add(new WorkspaceId(workspace + 1), "email", "other@x.io");

    List<SuppressionView> first = suppressions.list(ws, "email", null, 3);
    List<SuppressionView> second =
        suppressions.list(ws, "email", first.get(first.size() - 1).id(), 3);

    assertThat(first)
        .extracting(SuppressionView::address)
        .containsExactly("p4@x.io", "p3@x.io", "p2@x.io");
    assertThat(second).extracting(SuppressionView::address).containsExactly("p1@x.io", "p0@x.io");

    assertThat(suppressions.remove(ws, "email", "P3@X.io")).isTrue();
    assertThat(suppressions.remove(ws, "email", "p3@x.io")).isFalse();
    assertThat(suppressions.remove(ws, "email", "other@x.io")).isFalse();
    assertThat(suppressions.remove(ws, "sms", "p2@x.io")).isFalse();
    assertThat(suppressions.find(ws, "email", "p3@x.io")).isEmpty();
    assertThat(suppressions.list(ws, "email", null, 10)).hasSize(4);
  }
}
