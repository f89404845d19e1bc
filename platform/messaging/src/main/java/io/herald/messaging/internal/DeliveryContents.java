package io.herald.messaging.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A delivery's rendered content, in a table of its own ({@code messaging_delivery_content}) in its
 * stored form ({@link StoredBody}): written once with the delivery, read by the sending loop, the
 * dev outbox and "view in browser", and deleted once the delivery is sent without retention.
 *
 * <p>Why not a column of the delivery: the delivery row is updated on its way out (claimed, sent,
 * delivered), and InnoDB logged each update of a row that carried ~1 KB of compressed content as
 * 4–8 times the redo of the same update without it (bench/send, see the migration {@code
 * V202612040001}); a transactional send's commit waited behind that redo while a bulk send ran.
 */
final class DeliveryContents {

  /** Rows per statement at most (as {@link DeliveryInserts#MAX_ROWS}). */
  private static final int MAX_ROWS = DeliveryInserts.MAX_ROWS;

  /** Stored bytes per statement at most (below MariaDB's 16 MB default packet size). */
  private static final int MAX_BYTES = 4 << 20;

  /** The join that reads a delivery {@code d}'s stored content as {@code dc.content}. */
  static final String JOIN = " LEFT JOIN messaging_delivery_content dc ON dc.delivery_pk = d.id";

  private DeliveryContents() {}

  /**
   * Stores the content of the deliveries whose primary keys are {@code pks}, in the same order;
   * null content stores nothing.
   */
  static void insertAll(Connection c, List<Long> pks, List<StoredBody> contents)
      throws SQLException {
    if (pks.size() != contents.size()) {
      throw new IllegalArgumentException(pks.size() + " keys for " + contents.size() + " contents");
    }
    int from = 0;
    while (from < pks.size()) {
      int to = from;
      int rows = 0;
      long bytes = 0;
      StoredBody[] stored = new StoredBody[Math.min(MAX_ROWS, pks.size() - from)];
      long[] keys = new long[stored.length];
      while (to < pks.size() && rows < MAX_ROWS && (rows == 0 || bytes < MAX_BYTES)) {
        StoredBody body = contents.get(to);
        if (body != null) {
          stored[rows] = body;
          keys[rows] = pks.get(to);
          bytes += body.storedLength();
          rows++;
        }
        to++;
      }
      insert(c, keys, stored, rows);
      from = to;
    }
  }

  /**
   * The stored bytes go in as Base64 text that the server decodes ({@code FROM_BASE64}, MySQL 5.6+
   * and MariaDB 10.0+), not as a bytes parameter: with a multi-byte connection character set
   * (utf8mb4) Connector/J writes bytes into the statement as a hex literal, one synchronized stream
   * write per hex digit, and that was half the Java CPU of a bulk batch's insert (bench/send, JFR,
   * 2026-12-04), on a request thread nothing makes step aside. Base64 is also a third shorter on
   * the wire than hex.
   */
  private static void insert(Connection c, long[] keys, StoredBody[] stored, int rows)
      throws SQLException {
    if (rows == 0) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO messaging_delivery_content (delivery_pk, content) VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, FROM_BASE64(?))")))) {
      int p = 1;
      for (int i = 0; i < rows; i++) {
        insert.setLong(p++, keys[i]);
        insert.setString(p++, stored[i].base64());
      }
      insert.executeUpdate();
    }
  }

  /** Deletes the stored content of these deliveries (sent without retention). */
  static void deleteAll(Connection c, Collection<Long> pks) throws SQLException {
    if (pks.isEmpty()) {
      return;
    }
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM messaging_delivery_content WHERE delivery_pk IN ("
                + DeliveryQueue.marks(pks.size())
                + ")")) {
      int p = 1;
      for (long pk : pks) {
        delete.setLong(p++, pk);
      }
      delete.executeUpdate();
    }
  }
}
