package io.herald.plugin.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered message ready to hand to a provider. Build one with {@link #builder}; fields added in
 * later minor versions arrive through the builder, so plugins compiled against an older API keep
 * working.
 *
 * @param idempotencyKey stable key of this delivery: the same key means the same message
 * @param channel the channel the message is for
 * @param recipient address on that channel (email address, E.164 number, device token, URL)
 * @param subject subject or title where the channel has one (may be empty)
 * @param body rendered body (HTML for email, text for SMS, JSON for webhooks)
 * @param headers channel-specific headers (for example email headers), may be empty
 * @param metadata host metadata the provider may pass back in callbacks, may be empty
 * @param text plain-text alternative of an HTML body, empty when there is none (since 1.1.0)
 * @param from sender where the channel has one, for email an RFC 5322 address such as {@code "Acme
 *     <hello@acme.test>"}; empty means the provider's configured default (since 1.1.0)
 * @param replyTo reply address for email, empty for none (since 1.1.0)
 * @param attachments files to attach, in order, may be empty (since 1.1.0)
 * @param cc email: further visible recipients, each one RFC 5322 address; the provider puts them in
 *     the {@code Cc} header and delivers to them; may be empty (since 1.3.0)
 * @param bcc email: hidden recipients, each one RFC 5322 address; the provider delivers to them
 *     (envelope recipients) and never names them in any header; may be empty (since 1.3.0)
 * @param payload channel-specific structured content, a JSON-like tree of {@code String}, {@code
 *     Number}, {@code Boolean}, {@code List} and {@code Map<String, ?>} values (null values are
 *     dropped), deeply immutable; may be empty. The keys each channel uses are listed in the plugin
 *     API README ("Channel payloads"): push options (title is {@code subject}, message is {@code
 *     body}; {@code platform}, {@code data}, {@code image_url}, {@code link}, {@code sound}, {@code
 *     badge}, {@code category}, {@code mutable_content}, {@code collapse_id}, {@code android},
 *     {@code ios}), WhatsApp templates and media, webhook method and timeout, in-app content (since
 *     1.4.0)
 */
public record OutboundMessage(
    String idempotencyKey,
    ChannelKind channel,
    String recipient,
    String subject,
    String body,
    Map<String, String> headers,
    Map<String, String> metadata,
    String text,
    String from,
    String replyTo,
    List<Attachment> attachments,
    List<String> cc,
    List<String> bcc,
    Map<String, Object> payload) {

  /** Validates required fields and copies the collections. */
  public OutboundMessage {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(recipient, "recipient");
    subject = subject == null ? "" : subject;
    body = body == null ? "" : body;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    text = text == null ? "" : text;
    from = from == null ? "" : from;
    replyTo = replyTo == null ? "" : replyTo;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    cc = cc == null ? List.of() : List.copyOf(cc);
    bcc = bcc == null ? List.of() : List.copyOf(bcc);
    payload = JsonTree.copyObject(payload, "payload");
  }

  /**
   * The 1.3.0 constructor: no payload.
   *
   * @param idempotencyKey see the record
   * @param channel see the record
   * @param recipient see the record
   * @param subject see the record
   * @param body see the record
   * @param headers see the record
   * @param metadata see the record
   * @param text see the record
   * @param from see the record
   * @param replyTo see the record
   * @param attachments see the record
   * @param cc see the record
   * @param bcc see the record
   * @deprecated since 1.4.0; use {@link #builder}
   */
  @Deprecated(since = "1.4.0")
  public OutboundMessage(
      String idempotencyKey,
      ChannelKind channel,
      String recipient,
      String subject,
      String body,
      Map<String, String> headers,
      Map<String, String> metadata,
      String text,
      String from,
      String replyTo,
      List<Attachment> attachments,
      List<String> cc,
      List<String> bcc) {
    this(
        idempotencyKey,
        channel,
        recipient,
        subject,
        body,
        headers,
        metadata,
        text,
        from,
        replyTo,
        attachments,
        cc,
        bcc,
        null);
  }

  /**
   * The 1.1.0 constructor: no cc, no bcc.
   *
   * @deprecated since 1.3.0; use {@link #builder}
   */
  @Deprecated(since = "1.3.0")
  public OutboundMessage(
      String idempotencyKey,
      ChannelKind channel,
      String recipient,
      String subject,
      String body,
      Map<String, String> headers,
      Map<String, String> metadata,
      String text,
      String from,
      String replyTo,
      List<Attachment> attachments) {
    this(
        idempotencyKey,
        channel,
        recipient,
        subject,
        body,
        headers,
        metadata,
        text,
        from,
        replyTo,
        attachments,
        null,
        null,
        null);
  }

  /**
   * The 1.0.0 constructor: no text part, default sender, no reply address, no attachments.
   *
   * @deprecated since 1.1.0; use {@link #builder}
   */
  @Deprecated(since = "1.1.0")
  public OutboundMessage(
      String idempotencyKey,
      ChannelKind channel,
      String recipient,
      String subject,
      String body,
      Map<String, String> headers,
      Map<String, String> metadata) {
    this(
        idempotencyKey,
        channel,
        recipient,
        subject,
        body,
        headers,
        metadata,
        "",
        "",
        "",
        null,
        null,
        null,
        null);
  }

  /**
   * Starts a message.
   *
   * @param idempotencyKey stable key of the delivery
   * @param channel the channel
   * @param recipient the address on that channel
   * @return a builder with every optional field empty
   * @since 1.1.0
   */
  public static Builder builder(String idempotencyKey, ChannelKind channel, String recipient) {
    return new Builder(idempotencyKey, channel, recipient);
  }

  /**
   * A file attached to a message.
   *
   * @param filename the name shown to the recipient, without a path
   * @param contentType a MIME type such as {@code application/pdf}
   * @param content the bytes; copied
   * @since 1.1.0
   */
  public record Attachment(String filename, String contentType, byte[] content) {
    /** Requires every field and copies the bytes. */
    public Attachment {
      Objects.requireNonNull(filename, "filename");
      Objects.requireNonNull(contentType, "contentType");
      content = Objects.requireNonNull(content, "content").clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
      return content.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Attachment a
          && filename.equals(a.filename)
          && contentType.equals(a.contentType)
          && java.util.Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(filename, contentType, java.util.Arrays.hashCode(content));
    }

    /** Name, type and size; never the content. */
    @Override
    public String toString() {
      return "Attachment[" + filename + ", " + contentType + ", " + content.length + " bytes]";
    }
  }

  /**
   * Builds an {@link OutboundMessage}.
   *
   * @since 1.1.0
   */
  public static final class Builder {
    private final String idempotencyKey;
    private final ChannelKind channel;
    private final String recipient;
    private String subject = "";
    private String body = "";
    private Map<String, String> headers = Map.of();
    private Map<String, String> metadata = Map.of();
    private String text = "";
    private String from = "";
    private String replyTo = "";
    private List<Attachment> attachments = List.of();
    private List<String> cc = List.of();
    private List<String> bcc = List.of();
    private Map<String, ?> payload = Map.of();

    private Builder(String idempotencyKey, ChannelKind channel, String recipient) {
      this.idempotencyKey = idempotencyKey;
      this.channel = channel;
      this.recipient = recipient;
    }

    /** Sets the subject or title. */
    public Builder subject(String value) {
      this.subject = value;
      return this;
    }

    /** Sets the body (HTML for email). */
    public Builder body(String value) {
      this.body = value;
      return this;
    }

    /** Sets the plain-text alternative. */
    public Builder text(String value) {
      this.text = value;
      return this;
    }

    /** Sets the sender. */
    public Builder from(String value) {
      this.from = value;
      return this;
    }

    /** Sets the reply address. */
    public Builder replyTo(String value) {
      this.replyTo = value;
      return this;
    }

    /** Sets the channel headers. */
    public Builder headers(Map<String, String> value) {
      this.headers = value;
      return this;
    }

    /** Sets the host metadata. */
    public Builder metadata(Map<String, String> value) {
      this.metadata = value;
      return this;
    }

    /** Sets the attachments. */
    public Builder attachments(List<Attachment> value) {
      this.attachments = value;
      return this;
    }

    /**
     * Sets the visible copy recipients (email).
     *
     * @since 1.3.0
     */
    public Builder cc(List<String> value) {
      this.cc = value;
      return this;
    }

    /**
     * Sets the hidden copy recipients (email).
     *
     * @since 1.3.0
     */
    public Builder bcc(List<String> value) {
      this.bcc = value;
      return this;
    }

    /**
     * Sets the channel-specific structured content (see the record's {@code payload}).
     *
     * @since 1.4.0
     */
    public Builder payload(Map<String, ?> value) {
      this.payload = value;
      return this;
    }

    /** The message; validates the required fields. */
    public OutboundMessage build() {
      return new OutboundMessage(
          idempotencyKey,
          channel,
          recipient,
          subject,
          body,
          headers,
          metadata,
          text,
          from,
          replyTo,
          attachments,
          cc,
          bcc,
          JsonTree.copyObject(payload, "payload"));
    }
  }
}
