package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.shared.persistence.Transactions;
import io.herald.testing.MigratedTestDatabase;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery's content lives in {@code messaging_delivery_content}, not in the delivery row the
 * sending loop updates: stored with the delivery (one row or many, with or without content),
 * claimed with it, kept after the send when retained and deleted when not, and deleted with its
 * delivery.
 */
class DeliveryContentsIT {

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private DataSource dataSource;
  private long workspace;
  private String lane;

  @BeforeEach
  void database() {
    dataSource = MigratedTestDatabase.dataSource();
    workspace = MigratedTestDatabase.freshWorkspace();
    lane = "ct" + workspace % 1_000_000_000_000L;
  }

  @AfterEach
  void forget() {
    TestDeliveries.deleteAll(dataSource, workspace);
  }

  @Test
  void contentIsStoredBesideTheDeliveryClaimedWithItAndGoneAfterASendWithoutRetention() {
    List<DeliveryWriter.Row> rows = new ArrayList<>();
    for (int i = 0; i < DeliveryInserts.MAX_ROWS + 30; i++) {
      // Every third without content (a webhook's payload is built at send time, say), every
      // fourth not retained.
      String content = i % 3 == 2 ? null : "{\"html\":\"<p>" + i + " Olá ✓</p>\"}";
      rows.add(row("dc" + i, content, i % 4 != 3));
    }
    List<Long> keys =
        Transactions.inTransaction(dataSource, "test", c -> DeliveryInserts.insertAll(c, rows));

    assertThat(storedContents(keys)).hasSize((int) rows.stream().filter(this::hasContent).count());
    assertThat(columnsOf("messaging_delivery")).doesNotContain("content");

    List<DeliveryQueue.Claimed> claimed =
        Transactions.inTransaction(
            dataSource,
            "test",
            c -> DeliveryQueue.claim(c, lane, now, now.plusSeconds(60), rows.size()));
    assertThat(claimed).hasSize(rows.size());
    Map<String, String> contentById = new java.util.HashMap<>();
    claimed.forEach(
        d -> contentById.put(d.deliveryId(), d.content() == null ? null : d.content().text()));
    for (DeliveryWriter.Row row : rows) {
      assertThat(contentById.get(row.delivery().deliveryId()))
          .as(row.delivery().deliveryId())
          .isEqualTo(row.delivery().content() == null ? null : row.delivery().content().text());
    }

    Transactions.inTransaction(
        dataSource,
        "test",
        c ->
            DeliveryQueue.sentAll(
                c,
                claimed.stream()
                    .map(d -> new DeliveryQueue.Accepted(d, "<" + d.pk() + "@x.io>", "s", null))
                    .toList(),
                now));

    for (DeliveryWriter.Row row : rows) {
      String id = row.delivery().deliveryId();
      Optional<String> retained =
          Transactions.autoCommit(dataSource, "test", c -> DeliveryStore.retainedContent(c, id));
      if (row.delivery().retain() && row.delivery().content() != null) {
        assertThat(retained).as(id).contains(row.delivery().content().text());
      } else {
        assertThat(retained).as(id).isEmpty();
      }
    }
    long kept = rows.stream().filter(r -> hasContent(r) && r.delivery().retain()).count();
    assertThat(storedContents(keys)).as("not retained: deleted once sent").hasSize((int) kept);

    TestDeliveries.deleteAll(dataSource, workspace);
    assertThat(storedContents(keys)).as("deleted with its delivery").isEmpty();
  }

  @Test
  void aSingleDeliveryStoresItsContentToo() {
    String content = "{\"html\":\"<p>one</p>\"}";
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> DeliveryStore.insert(c, row("single", content, true).delivery(), now));
    Optional<String> retained =
        Transactions.autoCommit(
            dataSource, "test", c -> DeliveryStore.retainedContent(c, id("single")));
    assertThat(retained).contains(content);
  }

  private boolean hasContent(DeliveryWriter.Row row) {
    return row.delivery().content() != null;
  }

  private String id(String name) {
    return name + "-" + workspace;
  }

  private DeliveryWriter.Row row(String name, String content, boolean retain) {
    return TestDeliveries.row(workspace, id(name), lane, now, now.minusSeconds(1), retain, content);
  }

  private Map<Long, byte[]> storedContents(List<Long> keys) {
    return Transactions.autoCommit(
        dataSource,
        "test",
        c -> {
          Map<Long, byte[]> found = new java.util.HashMap<>();
          try (var q =
                  c.prepareStatement(
                      "SELECT delivery_pk, content FROM messaging_delivery_content"
                          + " WHERE delivery_pk IN ("
                          + keys.stream().map(String::valueOf).collect(Collectors.joining(", "))
                          + ")");
              ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              found.put(rs.getLong(1), rs.getBytes(2));
            }
          }
          return found;
        });
  }

  private List<String> columnsOf(String table) {
    return Transactions.autoCommit(
        dataSource,
        "test",
        c -> {
          List<String> columns = new ArrayList<>();
          try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, "%")) {
            while (rs.next()) {
              columns.add(rs.getString("COLUMN_NAME"));
            }
          }
          return columns;
        });
  }
}
