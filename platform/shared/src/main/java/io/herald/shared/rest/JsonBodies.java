package io.herald.shared.rest;

import io.herald.shared.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads request bodies with a size limit and parses them as JSON, so every API reports oversize and
 * malformed bodies the same way, in its own error shape.
 */
public final class JsonBodies {

  private JsonBodies() {}

  /** Why a body was refused. */
  public static final class BodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean tooLarge;

    BodyException(String message, boolean tooLarge) {
      super(message);
      this.tooLarge = tooLarge;
    }

    /** Whether the body was over the limit (HTTP 413) rather than malformed (HTTP 400). */
    public boolean tooLarge() {
      return tooLarge;
    }
  }

  /** The first buffer a body is read into: most API bodies are a few hundred bytes. */
  static final int FIRST_BUFFER = 1024;

  /**
   * Reads at most {@code maxBytes} from {@code in}, into a buffer that starts at {@value
   * #FIRST_BUFFER} bytes and doubles as the body needs (an 8 KB buffer and an 8 KB stream per call
   * were ~6% of a Track call's allocation in bench/ingest's profile).
   *
   * @throws BodyException when the body is longer
   */
  public static byte[] read(InputStream in, int maxBytes) {
    try {
      // One byte over the limit is enough to know the body is too long.
      byte[] buffer = new byte[Math.min(maxBytes + 1, FIRST_BUFFER)];
      int total = 0;
      for (int n; (n = in.read(buffer, total, buffer.length - total)) != -1; ) {
        total += n;
        if (total > maxBytes) {
          throw new BodyException("request body is larger than " + maxBytes / 1024 + " KB", true);
        }
        if (total == buffer.length) {
          buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, maxBytes + 1L));
        }
      }
      return total == buffer.length ? buffer : Arrays.copyOf(buffer, total);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses {@code body} as one JSON value.
   *
   * @throws BodyException with the parser's position when it is not JSON
   */
  public static JsonValue parse(byte[] body) {
    if (body.length == 0) {
      throw new BodyException("request body is empty; send a JSON object", false);
    }
    try (JsonReader reader = Jsons.createReader(new ByteArrayInputStream(body))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
      throw new BodyException("malformed JSON" + where, false);
    } catch (JsonException e) {
      throw new BodyException("malformed JSON: " + e.getMessage(), false);
    } catch (RuntimeException e) {
      // The parser's own limits (Parsson: nesting deeper than 1000) throw a plain RuntimeException.
      throw new BodyException("malformed JSON: " + e.getMessage(), false);
    }
  }
}
