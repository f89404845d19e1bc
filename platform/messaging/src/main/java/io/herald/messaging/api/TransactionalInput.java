package io.herald.messaging.api;

/**
 * A transactional message as an admin writes it: an email (the email fields) or a message of
 * another channel ({@code channelContent}, see {@link ChannelFields}). Every text may use Liquid.
 *
 * @param name shown in the console
 * @param triggerName optional name the API can send it by instead of its id
 * @param description free text
 * @param subject the subject
 * @param from the sender, empty for the channel's default
 * @param replyTo the reply address, empty for none
 * @param preheader the inbox preview text, may be empty
 * @param body the HTML body
 * @param bodyPlain the plain-text body, empty to derive it from the HTML
 * @param topicId the subscription topic it belongs to ({@code topic_1}), or null
 * @param sendToUnsubscribed whether it still goes to unsubscribed people (Customer.io's default for
 *     transactional messages is yes)
 * @param layoutId the {@link LayoutView layout} the body is wrapped in, or null for none
 * @param channel {@code email}, {@code sms}, {@code push}, {@code whatsapp} or {@code in_app}
 * @param channelContent the fields of a message that is not an email ({@link ChannelFields}), empty
 *     for email
 */
public record TransactionalInput(
    String name,
    String triggerName,
    String description,
    String subject,
    String from,
    String replyTo,
    String preheader,
    String body,
    String bodyPlain,
    String topicId,
    boolean sendToUnsubscribed,
    Long layoutId,
    String channel,
    java.util.Map<String, Object> channelContent) {

  /** Defaults the channel to email and copies the content. */
  public TransactionalInput {
    channel = channel == null || channel.isBlank() ? "email" : channel;
    channelContent =
        channelContent == null
            ? java.util.Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channelContent));
  }

  /** An email message. */
  public TransactionalInput(
      String name,
      String triggerName,
      String description,
      String subject,
      String from,
      String replyTo,
      String preheader,
      String body,
      String bodyPlain,
      String topicId,
      boolean sendToUnsubscribed,
      Long layoutId) {
    this(
        name,
        triggerName,
        description,
        subject,
        from,
        replyTo,
        preheader,
        body,
        bodyPlain,
        topicId,
        sendToUnsubscribed,
        layoutId,
        "email",
        null);
  }

  /** Whether it is an email message. */
  public boolean email() {
    return "email".equals(channel);
  }
}
