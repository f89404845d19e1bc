package io.herald.plugins.emailsmtp;

import io.herald.plugin.api.DeliveryEvent;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads bounce and complaint reports with Jakarta Mail: delivery status notifications (RFC 3464,
 * {@code multipart/report; report-type=delivery-status}) and abuse feedback reports (RFC 5965,
 * {@code report-type=feedback-report}). The original message's {@code Message-ID}, from the
 * report's {@code message/rfc822} or {@code text/rfc822-headers} part, is the provider message id
 * this plugin returned from {@code send}. Call inside {@link ContextClassLoader#ofPlugin}.
 */
final class MailReports {

  /** Longest detail kept from a diagnostic. */
  static final int MAX_DETAIL = 500;

  private static final int MAX_DEPTH = 4;

  /** What a message turned out to be. */
  enum Type {
    DELIVERY_STATUS,
    FEEDBACK,
    OTHER
  }

  /**
   * A parsed report.
   *
   * @param type what kind of message it was
   * @param originalMessageId the original Message-ID in angle brackets, empty when not found
   * @param events the events, empty for other messages or without an original Message-ID
   */
  record Report(Type type, String originalMessageId, List<DeliveryEvent> events) {}

  /**
   * Parses one RFC 822 message.
   *
   * @param raw the whole message
   * @param received when it arrived, used where the report gives no time
   * @throws MessagingException when the message cannot be read as MIME
   * @throws IOException when a part cannot be read
   */
  Report parse(byte[] raw, Instant received) throws MessagingException, IOException {
    // No Session: parsing needs no provider, and none is looked up through the caller's TCCL.
    MimeMessage message = new MimeMessage((Session) null, new ByteArrayInputStream(raw));
    Optional<Part> report = findReport(message, 0);
    if (report.isEmpty()) {
      return new Report(Type.OTHER, "", List.of());
    }
    Multipart parts = (Multipart) report.get().getContent();
    String reportType = new ContentType(report.get().getContentType()).getParameter("report-type");
    Type type =
        "feedback-report".equalsIgnoreCase(reportType) ? Type.FEEDBACK : Type.DELIVERY_STATUS;
    List<InternetHeaders> fields = new ArrayList<>();
    String messageId = "";
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("message/delivery-status")
          || part.isMimeType("message/global-delivery-status")
          || part.isMimeType("message/feedback-report")) {
        fields.addAll(headerBlocks(part.getInputStream()));
      } else if (part.isMimeType("message/rfc822")
          || part.isMimeType("message/global")
          || part.isMimeType("text/rfc822-headers")
          || part.isMimeType("message/rfc822-headers")) {
        if (messageId.isEmpty()) {
          messageId = messageId(new InternetHeaders(part.getInputStream()));
        }
      }
    }
    if (messageId.isEmpty()) {
      return new Report(type, "", List.of());
    }
    List<DeliveryEvent> events =
        type == Type.FEEDBACK
            ? complaint(messageId, fields, received)
            : deliveryStatus(messageId, fields, received);
    return new Report(type, messageId, events);
  }

  /** The first multipart/report of a known type, in the message or nested in its parts. */
  private static Optional<Part> findReport(Part part, int depth)
      throws MessagingException, IOException {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (part.isMimeType("multipart/report")) {
      String type = new ContentType(part.getContentType()).getParameter("report-type");
      if ("delivery-status".equalsIgnoreCase(type) || "feedback-report".equalsIgnoreCase(type)) {
        return Optional.of(part);
      }
      return Optional.empty();
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        Optional<Part> found = findReport(multipart.getBodyPart(i), depth + 1);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** DSN per-recipient blocks (the first block holds per-message fields, which carry no Action). */
  private static List<DeliveryEvent> deliveryStatus(
      String messageId, List<InternetHeaders> blocks, Instant received) {
    Instant arrival =
        blocks.isEmpty() ? received : date(blocks.get(0).getHeader("Arrival-Date", null), received);
    List<DeliveryEvent> events = new ArrayList<>();
    for (InternetHeaders block : blocks) {
      String action = value(block, "Action").toLowerCase(Locale.ROOT);
      if (action.isEmpty()) {
        continue;
      }
      String recipient = address(value(block, "Final-Recipient"));
      if (recipient.isEmpty()) {
        recipient = address(value(block, "Original-Recipient"));
      }
      Instant at = date(block.getHeader("Last-Attempt-Date", null), arrival);
      String status = value(block, "Status");
      switch (action) {
        case "failed" -> {
          boolean permanent = !status.startsWith("4");
          events.add(
              DeliveryEvent.bounced(messageId, recipient, permanent, detail(block, status), at));
        }
        case "delivered", "relayed", "expanded" ->
            events.add(DeliveryEvent.delivered(messageId, recipient, at));
        default -> {
          // "delayed": a warning while the MTA keeps trying; the final DSN will follow.
        }
      }
    }
    return events;
  }

  private static List<DeliveryEvent> complaint(
      String messageId, List<InternetHeaders> blocks, Instant received) {
    if (blocks.isEmpty()) {
      return List.of();
    }
    InternetHeaders fields = blocks.get(0);
    String feedbackType = value(fields, "Feedback-Type").toLowerCase(Locale.ROOT);
    if (feedbackType.isEmpty() || feedbackType.equals("not-spam")) {
      return List.of();
    }
    String recipient = address(value(fields, "Original-Rcpt-To"));
    String agent = value(fields, "User-Agent");
    String detail = "feedback-type " + feedbackType + (agent.isEmpty() ? "" : " from " + agent);
    Instant at = date(fields.getHeader("Arrival-Date", null), received);
    return List.of(DeliveryEvent.complained(messageId, recipient, clip(detail), at));
  }

  private static String detail(InternetHeaders block, String status) {
    String diagnostic = value(block, "Diagnostic-Code");
    int semicolon = diagnostic.indexOf(';');
    if (semicolon > 0 && semicolon < 16) {
      diagnostic = diagnostic.substring(semicolon + 1).trim();
    }
    if (diagnostic.isEmpty()) {
      return status.isEmpty() ? "bounced" : "status " + status;
    }
    return clip(diagnostic);
  }

  /** The header blocks of a delivery-status or feedback-report body, separated by blank lines. */
  private static List<InternetHeaders> headerBlocks(InputStream in)
      throws MessagingException, IOException {
    List<InternetHeaders> blocks = new ArrayList<>();
    PushbackInputStream body = new PushbackInputStream(in, 2);
    for (int guard = 0; guard < 1000; guard++) {
      skipBlankLines(body);
      int next = body.read();
      if (next < 0) {
        break;
      }
      body.unread(next);
      InternetHeaders block = new InternetHeaders(body);
      if (block.getAllHeaders().hasMoreElements()) {
        blocks.add(block);
      }
    }
    return blocks;
  }

  private static void skipBlankLines(PushbackInputStream in) throws IOException {
    int c;
    while ((c = in.read()) == '\r' || c == '\n') {
      // blank lines between blocks
    }
    if (c >= 0) {
      in.unread(c);
    }
  }

  private static String messageId(InternetHeaders headers) {
    String id = headers.getHeader("Message-ID", null);
    if (id == null) {
      return "";
    }
    String trimmed = unfold(id).trim();
    int start = trimmed.indexOf('<');
    int end = trimmed.indexOf('>', start + 1);
    if (start >= 0 && end > start + 1) {
      return trimmed.substring(start, end + 1);
    }
    return trimmed.isEmpty() || trimmed.contains(" ") ? "" : "<" + trimmed + ">";
  }

  private static String value(InternetHeaders headers, String name) {
    String value = headers.getHeader(name, null);
    return value == null ? "" : unfold(value).trim();
  }

  /** {@code rfc822; user@example.test} → {@code user@example.test}. */
  private static String address(String typed) {
    int semicolon = typed.indexOf(';');
    String address = semicolon < 0 ? typed : typed.substring(semicolon + 1);
    address = address.trim();
    if (address.startsWith("<") && address.endsWith(">")) {
      address = address.substring(1, address.length() - 1);
    }
    return address.length() > 320 ? "" : address;
  }

  private static Instant date(String text, Instant fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    Date date = new MailDateFormat().parse(unfold(text).trim(), new ParsePosition(0));
    return date == null ? fallback : date.toInstant();
  }

  private static String unfold(String value) {
    return value.replaceAll("\\r?\\n[ \\t]*", " ");
  }

  private static String clip(String text) {
    String line = text.replaceAll("\\s+", " ").trim();
    return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL - 3) + "...";
  }
}
