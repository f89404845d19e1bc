package io.herald.plugins.emailsmtp;

import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.OutboundMessage.Attachment;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an {@link OutboundMessage} into a MIME message: From, To, Cc, Reply-To, UTF-8 Subject, a
 * Message-ID derived from the idempotency key, the HTML and plain-text parts as
 * multipart/alternative, attachments in multipart/mixed, the message's own headers, and a DKIM
 * signature when configured. The envelope recipients are To, Cc and Bcc; Bcc is in no header.
 */
final class MessageComposer {

  private final Session session;
  private final InternetAddress defaultFrom;
  private final Optional<DkimSettings> dkim;
  private final Clock clock;

  MessageComposer(
      Session session, InternetAddress defaultFrom, Optional<DkimSettings> dkim, Clock clock) {
    this.session = session;
    this.defaultFrom = defaultFrom;
    this.dkim = dkim;
    this.clock = clock;
  }

  /**
   * A message ready for {@code Transport.sendMessage}.
   *
   * @param mime the saved (and possibly DKIM-signing) MIME message
   * @param messageId its Message-ID, angle brackets included
   * @param recipients the envelope recipients
   */
  record Composed(MimeMessage mime, String messageId, Address[] recipients) {}

  /**
   * Builds the MIME message.
   *
   * @throws RejectedMessageException when a field cannot be sent as given
   * @throws MessagingException when Jakarta Mail fails to build the message
   */
  Composed compose(OutboundMessage message) throws RejectedMessageException, MessagingException {
    InternetAddress from = message.from().isBlank() ? defaultFrom : address(message.from(), "from");
    InternetAddress to = address(message.recipient(), "recipient");
    Optional<InternetAddress> replyTo =
        message.replyTo().isBlank()
            ? Optional.empty()
            : Optional.of(address(message.replyTo(), "replyTo"));
    if (Headers.hasLineBreak(message.subject())) {
      throw new RejectedMessageException("subject: contains a line break");
    }
    Map<String, String> headers = checkedHeaders(message.headers());
    List<InternetAddress> cc = addresses(message.cc(), "cc");
    List<InternetAddress> bcc = addresses(message.bcc(), "bcc");

    String messageId = MessageIds.of(message.idempotencyKey(), Addresses.domain(from));
    StableIdMessage mime = new StableIdMessage(session, messageId);
    mime.setFrom(from);
    mime.setRecipient(Message.RecipientType.TO, to);
    if (!cc.isEmpty()) {
      mime.setRecipients(Message.RecipientType.CC, cc.toArray(new Address[0]));
    }
    if (replyTo.isPresent()) {
      mime.setReplyTo(new Address[] {replyTo.get()});
    }
    mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
    mime.setSentDate(Date.from(clock.instant()));
    for (Map.Entry<String, String> header : headers.entrySet()) {
      mime.setHeader(header.getKey(), header.getValue());
    }
    setContent(mime, message);
    mime.saveChanges();
    MimeMessage toSend = dkim.isPresent() ? dkim.get().sign(mime) : mime;
    List<Address> envelope = new ArrayList<>();
    envelope.add(to);
    envelope.addAll(cc);
    // Bcc addresses are envelope recipients only: never a header, so no recipient sees them.
    envelope.addAll(bcc);
    return new Composed(toSend, messageId, envelope.toArray(new Address[0]));
  }

  private static List<InternetAddress> addresses(List<String> texts, String field)
      throws RejectedMessageException {
    List<InternetAddress> parsed = new ArrayList<>(texts.size());
    for (String text : texts) {
      parsed.add(address(text, field));
    }
    return parsed;
  }

  private static InternetAddress address(String text, String field)
      throws RejectedMessageException {
    try {
      return Addresses.single(text);
    } catch (AddressException e) {
      throw new RejectedMessageException(field + ": not a valid email address");
    }
  }

  private static Map<String, String> checkedHeaders(Map<String, String> headers)
      throws RejectedMessageException {
    Map<String, String> checked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> header : new TreeMap<>(headers).entrySet()) {
      String name = header.getKey();
      String value = header.getValue() == null ? "" : header.getValue();
      if (!Headers.isValidName(name)) {
        throw new RejectedMessageException(
            "headers: a header name is not a valid field name (printable ASCII, no colon)");
      }
      if (Headers.hasLineBreak(value)) {
        throw new RejectedMessageException("headers: " + name + " contains a line break");
      }
      if (Headers.isReserved(name)) {
        throw new RejectedMessageException(
            "headers: " + name + " is set by the provider from the message's fields");
      }
      checked.put(name, MimeUtility.fold(name.length() + 2, encoded(value)));
    }
    return checked;
  }

  private static String encoded(String value) {
    try {
      return MimeUtility.encodeText(value, StandardCharsets.UTF_8.name(), null);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  private static void setContent(StableIdMessage mime, OutboundMessage message)
      throws MessagingException, RejectedMessageException {
    List<Attachment> attachments = message.attachments();
    MimeMultipart alternative = alternative(message);
    if (attachments.isEmpty()) {
      if (alternative != null) {
        mime.setContent(alternative);
      } else {
        mime.setEncodedText(single(message));
      }
      return;
    }
    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart body;
    if (alternative != null) {
      body = new MimeBodyPart();
      body.setContent(alternative);
    } else {
      body = single(message).part();
    }
    mixed.addBodyPart(body);
    for (int i = 0; i < attachments.size(); i++) {
      mixed.addBodyPart(attachmentPart(attachments.get(i), i));
    }
    mime.setContent(mixed);
  }

  /**
   * The text and HTML parts as multipart/alternative when both are non-empty; otherwise null. Each
   * part is encoded before it is added ({@link EncodedText}), so writing the message copies bytes.
   */
  private static MimeMultipart alternative(OutboundMessage message) throws MessagingException {
    if (message.text().isEmpty() || message.body().isEmpty()) {
      return null;
    }
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(EncodedText.of(message.text(), "plain").part());
    alternative.addBodyPart(EncodedText.of(message.body(), "html").part());
    return alternative;
  }

  /** The one non-empty part of the text and the HTML; an empty text part when both are empty. */
  private static EncodedText single(OutboundMessage message) {
    return message.text().isEmpty() && !message.body().isEmpty()
        ? EncodedText.of(message.body(), "html")
        : EncodedText.of(message.text(), "plain");
  }

  private static MimeBodyPart attachmentPart(Attachment attachment, int index)
      throws MessagingException, RejectedMessageException {
    String field = "attachments[" + index + "]";
    if (attachment.filename().isBlank() || Headers.hasLineBreak(attachment.filename())) {
      throw new RejectedMessageException(field + ".filename: empty or contains a line break");
    }
    ContentType type;
    try {
      if (Headers.hasLineBreak(attachment.contentType())) {
        throw new ParseException("line break");
      }
      type = new ContentType(attachment.contentType());
    } catch (ParseException e) {
      throw new RejectedMessageException(field + ".contentType: not a MIME type");
    }
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(
        new DataHandler(new ByteArrayDataSource(attachment.content(), type.toString())));
    part.setDisposition(Part.ATTACHMENT);
    part.setFileName(attachment.filename());
    // Base64 keeps the bytes exact; text/* in 7bit or quoted-printable would get CRLF line ends.
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  /** A MIME message whose Message-ID {@code saveChanges()} leaves as given. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }

    /**
     * Makes {@code text} this message's content as it is, like a part built from encoded bytes
     * (written to the server as a copy of them; see {@link EncodedText}).
     */
    void setEncodedText(EncodedText text) throws MessagingException {
      dh = null;
      cachedContent = null;
      content = text.content();
      setHeader("Content-Type", text.contentType());
      setHeader("Content-Transfer-Encoding", text.encoding());
    }
  }
}
