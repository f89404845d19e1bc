package io.herald.plugins.emailsmtp;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.angus.mail.util.BASE64EncoderStream;
import org.eclipse.angus.mail.util.QPEncoderStream;

/**
 * A UTF-8 text part encoded once, with Jakarta Mail's own encoders, into the bytes that go on the
 * wire: its Content-Type, the Content-Transfer-Encoding Jakarta Mail would choose ({@link
 * TransferEncoding}) and the encoded content.
 *
 * <p>Why: a part given as text is encoded while the message is written to the server, byte by byte
 * through a chain of streams whose innermost ({@code BufferedOutputStream}) takes a lock per byte;
 * for the 10 KB emails of bench/send that was most of a bulk sending thread's CPU. A part built
 * from encoded bytes ({@link MimeBodyPart#MimeBodyPart(InternetHeaders, byte[])}) is copied to the
 * server in blocks. The bytes are the same either way.
 *
 * @param contentType e.g. {@code text/html; charset=UTF-8}
 * @param encoding {@code 7bit}, {@code quoted-printable} or {@code base64}
 * @param content the encoded content
 */
record EncodedText(String contentType, String encoding, byte[] content) {

  /** Encodes {@code text} as a {@code text/<subtype>} part. */
  static EncodedText of(String text, String subtype) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    String encoding = TransferEncoding.ofUtf8(utf8);
    return new EncodedText("text/" + subtype + "; charset=UTF-8", encoding, encode(utf8, encoding));
  }

  /** A body part holding the encoded content as it is. */
  MimeBodyPart part() throws MessagingException {
    InternetHeaders headers = new InternetHeaders();
    headers.setHeader("Content-Type", contentType);
    headers.setHeader("Content-Transfer-Encoding", encoding);
    return new MimeBodyPart(headers, content);
  }

  private static byte[] encode(byte[] utf8, String encoding) {
    if ("7bit".equals(encoding)) {
      return utf8;
    }
    Bytes out = new Bytes(utf8.length + utf8.length / 2 + 64);
    try (OutputStream encoder =
        "base64".equals(encoding) ? new BASE64EncoderStream(out) : new QPEncoderStream(out)) {
      encoder.write(utf8);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding in memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** A growable byte array without {@code ByteArrayOutputStream}'s lock per write. */
  private static final class Bytes extends OutputStream {
    private byte[] buffer;
    private int count;

    Bytes(int capacity) {
      buffer = new byte[capacity];
    }

    @Override
    public void write(int b) {
      if (count == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (count + len > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + len));
      }
      System.arraycopy(b, off, buffer, count, len);
      count += len;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buffer, count);
    }
  }
}
