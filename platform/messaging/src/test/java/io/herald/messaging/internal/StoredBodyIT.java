package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.shared.persistence.Transactions;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery's content is stored compressed in the format of the server's {@code COMPRESS()}: the
 * server reads what Herald writes and Herald reads what the server (and the migration) wrote, and a
 * delivery's content comes back whole through the insert and the sending loop's claim.
 */
class StoredBodyIT {

  private static final String CONTENT =
      "{\"html\":\"<p>Héllo {{ customer.first_name }} ✓ 😀</p>"
          + "<p>lorem ipsum dolor sit amet </p>".repeat(400)
          + "\",\"text\":\"Héllo ✓\"} ";

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private DataSource dataSource;
  private WorkspaceId workspace;

  @BeforeEach
  void database() {
    dataSource = MigratedTestDatabase.dataSource();
    workspace = new WorkspaceId(MigratedTestDatabase.freshWorkspace());
  }

  @Test
  void theServerUncompressesWhatHeraldStores() {
    byte[] stored = StoredBody.encode(CONTENT);
    assertThat(stored.length).isLessThan(CONTENT.length() / 10);
    assertThat(uncompressedBy("UNCOMPRESS(?)", stored)).isEqualTo(CONTENT);
  }

  @Test
  void heraldReadsWhatTheServerCompressed() {
    byte[] compressed =
        Transactions.autoCommit(
            dataSource,
            "test",
            c -> {
              try (PreparedStatement q = c.prepareStatement("SELECT COMPRESS(?), COMPRESS('')")) {
                q.setString(1, CONTENT);
                try (ResultSet rs = q.executeQuery()) {
                  rs.next();
                  assertThat(StoredBody.read(rs, 2)).isEmpty();
                  return rs.getBytes(1);
                }
              }
            });
    assertThat(StoredBody.decode(compressed)).isEqualTo(CONTENT);
  }

  @Test
  void nullAndEmptyAndCorruptValues() {
    assertThat(StoredBody.encode(null)).isNull();
    assertThat(StoredBody.decode(null)).isNull();
    assertThat(StoredBody.decode(StoredBody.encode(""))).isEmpty();
    byte[] cut = StoredBody.encode(CONTENT);
    byte[] truncated = java.util.Arrays.copyOf(cut, cut.length / 2);
    assertThatThrownBy(() -> StoredBody.decode(truncated))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected");
    assertThatThrownBy(() -> StoredBody.decode(new byte[] {1, 0, 0, 0, 9, 9, 9}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aDeliveryCarriesItsContentCompressedUntilTheTextIsAskedFor() {
    StoredBody body = StoredBody.of(CONTENT);
    assertThat(StoredBody.of(null)).isNull();
    assertThat(body.storedLength())
        .isEqualTo(StoredBody.encode(CONTENT).length)
        .isLessThan(CONTENT.length() / 10);
    assertThat(java.util.Base64.getDecoder().decode(body.base64()))
        .isEqualTo(StoredBody.encode(CONTENT));
    assertThat(body.text()).isEqualTo(CONTENT);
    assertThat(body).isEqualTo(StoredBody.of(CONTENT)).isNotEqualTo(StoredBody.of("other"));
    assertThat(body).hasSameHashCodeAs(StoredBody.of(CONTENT));
    assertThat(StoredBody.of("").text()).isEmpty();
  }

  @Test
  void contentCompressedAsItIsWrittenIsTheSameContentAndTheServerReadsIt() throws Exception {
    byte[] utf8 = CONTENT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    StoredBody streamed =
        StoredBody.write(
            out -> {
              // In pieces, as a JSON generator writes.
              for (int i = 0; i < utf8.length; i += 1000) {
                out.write(utf8, i, Math.min(1000, utf8.length - i));
              }
            });
    assertThat(streamed.text()).isEqualTo(CONTENT);
    try (var in = streamed.open()) {
      assertThat(in.readAllBytes()).isEqualTo(utf8);
    }
    assertThat(StoredBody.write(out -> {}).text()).isEmpty();
    assertThat(uncompressedBy("UNCOMPRESS(FROM_BASE64(?))", streamed.base64())).isEqualTo(CONTENT);
    Composed composed = Composed.fromJson("{\"subject\":\"Hi ✓\",\"html\":\"<p>Héllo</p>\"}");
    assertThat(Composed.fromStored(composed.stored()).toJson()).isEqualTo(composed.toJson());
  }

  @Test
  void aQueuedDeliveryIsClaimedWithItsWholeContent() {
    String id = "sb" + now.toEpochMilli();
    List<Long> keys =
        Transactions.inTransaction(
            dataSource,
            "test",
            c ->
                DeliveryInserts.insertAll(
                    c,
                    List.of(
                        new DeliveryWriter.Row(
                            new DeliveryStore.NewDelivery(
                                id,
                                workspace.value(),
                                null,
                                "email",
                                "storedbody",
                                null,
                                "a@x.io",
                                "S",
                                "queued",
                                null,
                                now.minusSeconds(1),
                                true,
                                StoredBody.of(CONTENT)),
                            now))));
    assertThat(keys).hasSize(1);
    List<DeliveryQueue.Claimed> claimed =
        Transactions.inTransaction(
            dataSource,
            "test",
            c -> DeliveryQueue.claim(c, "storedbody", now, now.plusSeconds(60), 10));
    assertThat(claimed).singleElement().extracting(d -> d.content().text()).isEqualTo(CONTENT);
    String retained =
        Transactions.autoCommit(
            dataSource, "test", c -> DeliveryStore.retainedContent(c, id).orElseThrow());
    assertThat(retained).isEqualTo(CONTENT);
    // Written as Base64 the server decodes: the column holds COMPRESS()'s format, byte for byte.
    String inSql =
        Transactions.autoCommit(
            dataSource,
            "test",
            c -> {
              try (var q =
                  c.prepareStatement(
                      "SELECT CONVERT(UNCOMPRESS(content) USING utf8mb4)"
                          + " FROM messaging_delivery_content WHERE delivery_pk = ?")) {
                q.setLong(1, keys.get(0));
                try (var rs = q.executeQuery()) {
                  return rs.next() ? rs.getString(1) : null;
                }
              }
            });
    assertThat(inSql).isEqualTo(CONTENT);
  }

  /** What the server's {@code expression} of {@code value} gives, read as utf8mb4 text. */
  private String uncompressedBy(String expression, Object value) {
    return Transactions.autoCommit(
        dataSource,
        "test",
        c -> {
          try (PreparedStatement q =
              c.prepareStatement("SELECT CONVERT(" + expression + " USING utf8mb4)")) {
            q.setObject(1, value);
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }
}
