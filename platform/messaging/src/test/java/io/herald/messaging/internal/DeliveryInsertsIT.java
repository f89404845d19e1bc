package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.shared.persistence.Transactions;
import io.herald.testing.CountingDataSource;
import io.herald.testing.MigratedTestDatabase;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * New deliveries written by {@link DeliveryInserts} through the group commit of {@link
 * DeliveryWriter} on a real database: multi-row statements for many rows, the key of a single row
 * taken from its insert, each row with its own key and content.
 */
class DeliveryInsertsIT {

  private static DataSource database;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private final List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());
  private long workspace;
  private DeliveryWriter writer;

  @BeforeAll
  static void open() {
    database = MigratedTestDatabase.dataSource();
  }

  @BeforeEach
  void writer() {
    workspace = MigratedTestDatabase.freshWorkspace();
    CountingDataSource dataSource = new CountingDataSource(database);
    dataSource.refuse(
        sql -> {
          statements.add(sql);
          return false;
        });
    writer = new DeliveryWriter();
    writer.dataSource = dataSource;
    writer.writers = 2;
    writer.maxRowsPerCommit = 1000;
    writer.start();
  }

  @AfterEach
  void forget() {
    TestDeliveries.deleteAll(database, workspace);
  }

  @Test
  void aCommitsRowsGoInWithMultiRowStatementsAndKeepTheirOwnKeys() {
    List<DeliveryWriter.Row> rows = new ArrayList<>();
    for (int i = 0; i < DeliveryInserts.MAX_ROWS + 120; i++) {
      rows.add(row("mr" + i + "-" + now.toEpochMilli()));
    }
    String content = "{\"html\":\"<p class=\\\"x\\\">Olá ✓ 😀 'q' \\\\ \\n</p>\"}";
    DeliveryWriter.Row first =
        TestDeliveries.row(workspace, rows.get(0).delivery().deliveryId(), now, content);
    rows.set(0, first);

    List<Long> keys = writer.insert(rows);

    assertThat(keys).hasSize(rows.size()).doesNotHaveDuplicates();
    assertThat(statements.stream().filter(sql -> sql.startsWith("INSERT INTO messaging_delivery ")))
        .as("one INSERT per chunk of " + DeliveryInserts.MAX_ROWS + " rows")
        .hasSize(2);
    assertThat(statements.stream().filter(sql -> sql.contains("messaging_delivery_metric")))
        .hasSize(2);
    Map<Long, String> idsByKey = idsByKey("mr%");
    for (int i = 0; i < rows.size(); i++) {
      assertThat(idsByKey.get(keys.get(i))).isEqualTo(rows.get(i).delivery().deliveryId());
    }
    // Non-ASCII content and JSON escapes read back as written.
    java.util.Optional<String> stored =
        Transactions.autoCommit(
            database, "test", c -> DeliveryStore.retainedContent(c, first.delivery().deliveryId()));
    assertThat(stored).contains(content);
  }

  @Test
  void aSingleRowTakesItsKeyFromTheInsertWithoutReadingItBack() {
    List<Long> keys = writer.insert(List.of(row("one-" + now.toEpochMilli())));

    assertThat(statements)
        .as("the insert and its metric, no SELECT of the key")
        .hasSize(2)
        .allMatch(sql -> sql.startsWith("INSERT"));
    assertThat(idsByKey("one-%"))
        .containsExactly(Map.entry(keys.get(0), "one-" + now.toEpochMilli()));
  }

  private Map<Long, String> idsByKey(String like) {
    return Transactions.autoCommit(
        database,
        "test",
        c -> {
          Map<Long, String> found = new java.util.HashMap<>();
          try (var q =
              c.prepareStatement(
                  "SELECT d.id, d.delivery_id FROM messaging_delivery d JOIN"
                      + " messaging_delivery_metric m ON m.delivery_pk = d.id AND m.metric ="
                      + " 'created' WHERE d.delivery_id LIKE ? AND d.workspace_id = ?")) {
            q.setString(1, like);
            q.setLong(2, workspace);
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                found.put(rs.getLong(1), rs.getString(2));
              }
            }
          }
          return found;
        });
  }

  private DeliveryWriter.Row row(String deliveryId) {
    return TestDeliveries.row(workspace, deliveryId, now, null);
  }
}
