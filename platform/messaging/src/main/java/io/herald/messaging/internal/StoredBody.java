package io.herald.messaging.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The stored form of a delivery's rendered content ({@code messaging_delivery_content.content},
 * {@link DeliveryContents}): the UTF-8 bytes compressed in the format of MySQL's and MariaDB's
 * {@code COMPRESS()} (the length of the uncompressed bytes in four bytes, low byte first, then a
 * zlib stream), so SQL can read it with {@code UNCOMPRESS(content)} and the migration converted the
 * rows stored before with {@code COMPRESS}.
 *
 * <p>Why: a bulk send of a 10 KB template stored about 20 KB of JSON (HTML and its text part) per
 * delivery. The driver escaped every character of it into the statement, the server kept it in
 * overflow pages and wrote it to its redo log, and the sending loop read it back; compressed it is
 * a few KB and stays in the row. Compression at the fastest level costs far less than that.
 */
final class StoredBody {

  private StoredBody() {}

  /** The stored bytes of {@code content}; null for null, empty for empty (as {@code COMPRESS}). */
  static byte[] encode(String content) {
    if (content == null) {
      return null;
    }
    byte[] raw = content.getBytes(StandardCharsets.UTF_8);
    if (raw.length == 0) {
      return new byte[0];
    }
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(raw);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
      out.write(raw.length & 0xff);
      out.write((raw.length >>> 8) & 0xff);
      out.write((raw.length >>> 16) & 0xff);
      out.write((raw.length >>> 24) & 0x3f);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** The content of stored bytes; null for null, empty for empty. */
  static String decode(byte[] stored) {
    if (stored == null) {
      return null;
    }
    if (stored.length == 0) {
      return "";
    }
    if (stored.length < 5) {
      throw new IllegalStateException("stored content of " + stored.length + " bytes is corrupt");
    }
    int length =
        (stored[0] & 0xff)
            | (stored[1] & 0xff) << 8
            | (stored[2] & 0xff) << 16
            | (stored[3] & 0x3f) << 24;
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(stored, 4, stored.length - 4);
      byte[] raw = new byte[length];
      int n = 0;
      while (n < length) {
        int got = inflater.inflate(raw, n, length - n);
        if (got == 0 && (inflater.finished() || inflater.needsInput())) {
          break;
        }
        n += got;
      }
      if (n != length) {
        throw new IllegalStateException(
            "stored content inflated to " + n + " bytes, expected " + length);
      }
      return new String(raw, StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      throw new IllegalStateException("stored content is not a zlib stream", e);
    } finally {
      inflater.end();
    }
  }

  /** Reads the content of column {@code index}. */
  static String read(ResultSet rs, int index) throws SQLException {
    return decode(rs.getBytes(index));
  }
}
