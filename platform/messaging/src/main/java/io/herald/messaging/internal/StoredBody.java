package io.herald.messaging.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

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
 *
 * <p>A delivery carries its content in this form from the moment it is rendered until a provider
 * needs the text ({@link #text()}): a bulk batch of a thousand rendered deliveries waiting for its
 * insert, or a sending loop's claimed batch of 500, held about 20 KB of text per delivery, which
 * young GCs copied and promoted while the batch was in flight (bench/send, 2026-12-04: 30–50 MB
 * promoted per young pause during a bulk send, pauses of 20–64 ms); compressed, a twentieth.
 * Immutable.
 */
final class StoredBody {

  private final byte[] stored;

  private StoredBody(byte[] stored) {
    this.stored = stored;
  }

  /** {@code content} in its stored form; null for null. */
  static StoredBody of(String content) {
    return content == null ? null : new StoredBody(encode(content));
  }

  /** Writes content as UTF-8 bytes. */
  @FunctionalInterface
  interface Utf8Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * The stored form of what {@code writer} writes, compressed as it is written: no String of the
   * whole content and no copy of its UTF-8 bytes (a bulk batch's JSON went through both).
   */
  static StoredBody write(Utf8Writer writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      for (int i = 0; i < 4; i++) {
        out.write(0);
      }
      Counting counting = new Counting(new DeflaterOutputStream(out, deflater, 8192));
      try (counting) {
        writer.writeTo(counting);
      }
      if (counting.count == 0) {
        return new StoredBody(new byte[0]);
      }
      byte[] bytes = out.toByteArray();
      long length = counting.count;
      bytes[0] = (byte) (length & 0xff);
      bytes[1] = (byte) ((length >>> 8) & 0xff);
      bytes[2] = (byte) ((length >>> 16) & 0xff);
      bytes[3] = (byte) ((length >>> 24) & 0x3f);
      return new StoredBody(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("compressing in memory failed", e);
    } finally {
      deflater.end();
    }
  }

  /** The content's UTF-8 bytes, inflated as they are read (close it when done). */
  InputStream open() {
    if (stored.length == 0) {
      return new ByteArrayInputStream(stored);
    }
    if (stored.length < 5) {
      throw new IllegalStateException("stored content of " + stored.length + " bytes is corrupt");
    }
    return new InflaterInputStream(
        new ByteArrayInputStream(stored, 4, stored.length - 4), new Inflater(), 4096) {
      @Override
      public void close() throws IOException {
        super.close();
        inf.end();
      }
    };
  }

  /** The content. */
  String text() {
    return decode(stored);
  }

  /** The stored bytes as Base64, for SQL's {@code FROM_BASE64} ({@link DeliveryContents}). */
  String base64() {
    return Base64.getEncoder().encodeToString(stored);
  }

  /** The length of the stored bytes. */
  int storedLength() {
    return stored.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredBody other && Arrays.equals(stored, other.stored);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(stored);
  }

  @Override
  public String toString() {
    return "StoredBody[" + stored.length + " bytes]";
  }

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

  /** Reads column {@code index} in its stored form, without inflating it; null for NULL. */
  static StoredBody readStored(ResultSet rs, int index) throws SQLException {
    byte[] bytes = rs.getBytes(index);
    return bytes == null ? null : new StoredBody(bytes);
  }

  /** Counts the bytes written through it; closing it finishes the stream below. */
  private static final class Counting extends OutputStream {
    private final OutputStream out;
    private long count;

    Counting(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
