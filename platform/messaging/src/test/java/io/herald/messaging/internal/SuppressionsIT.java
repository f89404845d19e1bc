package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.Suppressions;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suppression list on a real database: manual adds, paging newest first, removal, push tokens
 * kept and matched with their case (and the migration that gave old push rows their case back).
 */
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

  @Test
  void aPushTokenIsKeptAsItIsAndMatchedExactly() {
    String token = "fGx7:APA91bHqZ-Upper_Case";
    String lower = token.toLowerCase(Locale.ROOT);
    Suppressions.Added added = suppressions.add(ws, "push", " " + token + " ");

    assertThat(added.suppression().address()).isEqualTo(token);
    assertThat(suppressions.find(ws, "push", token)).contains(added.suppression());
    assertThat(suppressions.find(ws, "push", lower)).isEmpty();
    // The send loop's batch lookup (DeliverySender) matches by the same key.
    assertThat(SuppressionStore.normalisedKeys("push", List.of(" " + token)))
        .containsExactly(token);
    Map<String, SuppressionView> found =
        Transactions.autoCommit(
            dataSource,
            "test",
            c ->
                SuppressionStore.findAll(
                    c, workspace, "push", List.of(token, lower, token.toUpperCase(Locale.ROOT))));
    assertThat(found).containsOnlyKeys(token);
    // A token differing only in case is another device: it has a row of its own.
    assertThat(suppressions.add(ws, "push", lower).created()).isTrue();
    assertThat(suppressions.remove(ws, "push", token)).isTrue();
    assertThat(suppressions.find(ws, "push", lower)).isPresent();
    assertThat(suppressions.find(ws, "push", token)).isEmpty();
    // Email addresses still match whatever their case; phone numbers as they were.
    suppressions.add(ws, "email", "Ada@Example.com");
    assertThat(suppressions.find(ws, "email", "ADA@example.COM")).isPresent();
    suppressions.add(ws, "whatsapp", " +15555550100");
    assertThat(suppressions.find(ws, "whatsapp", "+15555550100 ")).isPresent();
  }

  @Test
  void theMigrationGivesALowerCasedPushSuppressionItsDevicesTokenBack() throws Exception {
    String token = "cAsE:APA91bXyZ-" + workspace;
    String gone = "gone:apa91b-" + workspace;
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          long person;
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO people_person (workspace_id, cio_id, attributes,"
                      + " attribute_timestamps, created_at, updated_at)"
                      + " VALUES (?, 'dev', '{}', '{}', NOW(3), NOW(3))",
                  Statement.RETURN_GENERATED_KEYS)) {
            p.setLong(1, workspace);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
              keys.next();
              person = keys.getLong(1);
            }
          }
          try (PreparedStatement d =
              c.prepareStatement(
                  "INSERT INTO people_device (workspace_id, person_id, token, platform, last_used,"
                      + " attributes, created_at, updated_at)"
                      + " VALUES (?, ?, ?, 'android', 0, '{}', NOW(3), NOW(3))")) {
            d.setLong(1, workspace);
            d.setLong(2, person);
            d.setString(3, token);
            d.executeUpdate();
          }
          // As the suppression list kept push tokens before: lower-cased.
          for (String address : List.of(token.toLowerCase(Locale.ROOT), gone)) {
            SuppressionStore.add(
                c, workspace, "push", address, SuppressionView.HARD_BOUNCE, null, now);
          }
          return null;
        });
    assertThat(suppressions.find(ws, "push", token)).isEmpty();

    String sql = migration("V202612030100__messaging_push_suppression_case.sql");
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
          }
        });

    assertThat(suppressions.find(ws, "push", token)).isPresent();
    assertThat(suppressions.list(ws, "push", null, 10))
        .extracting(SuppressionView::address)
        .containsExactlyInAnyOrder(token, gone);
  }

  /** A migration's SQL (one statement), without its comment lines. */
  private static String migration(String name) throws IOException {
    try (InputStream in =
        SuppressionsIT.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("--"))
          .collect(Collectors.joining("\n"))
          .replaceAll(";\\s*$", "");
    }
  }
}
