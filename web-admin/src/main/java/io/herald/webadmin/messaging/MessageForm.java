package io.herald.webadmin.messaging;

import io.herald.messaging.api.TransactionalInput;
import java.io.Serializable;
import java.util.Set;

/**
 * The fields of a transactional message as the form edits them (Faces needs setters; the API's
 * {@link TransactionalInput} is a record). New messages go to unsubscribed people, as Customer.io's
 * transactional messages do.
 */
public class MessageForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The API names of the fields, as the messaging module's problems name them. */
  public static final Set<String> FIELDS =
      Set.of(
          "name",
          "trigger_name",
          "description",
          "subject",
          "from",
          "reply_to",
          "preheader",
          "body",
          "body_plain",
          "topic_id",
          "send_to_unsubscribed",
          "layout_id",
          "channel",
          "title",
          "message",
          "image_url",
          "link",
          "sound",
          "type",
          "custom_data",
          "custom_payload",
          "template",
          "buttons");

  /** The channels a message may be for, in the order the form offers them. */
  public static final java.util.List<String> CHANNELS =
      java.util.List.of("email", "sms", "push", "whatsapp", "in_app");

  private String channel = "email";
  private ChannelContentForm content = new ChannelContentForm();

  private String name;
  private String triggerName;
  private String description;
  private String subject;
  private String from;
  private String replyTo;
  private String preheader;
  private String body;
  private String bodyPlain;
  private String topicId;
  private boolean sendToUnsubscribed = true;
  private Long layoutId;

  /** A form holding {@code input}. */
  public static MessageForm of(TransactionalInput input) {
    MessageForm form = new MessageForm();
    form.name = input.name();
    form.triggerName = input.triggerName();
    form.description = input.description();
    form.subject = input.subject();
    form.from = input.from();
    form.replyTo = input.replyTo();
    form.preheader = input.preheader();
    form.body = input.body();
    form.bodyPlain = input.bodyPlain();
    form.topicId = input.topicId();
    form.sendToUnsubscribed = input.sendToUnsubscribed();
    form.layoutId = input.layoutId();
    form.channel = input.channel();
    form.content = ChannelContentForm.of(input.channelContent());
    if (!input.email() && input.channelContent().get("body") instanceof String text) {
      form.body = text;
    }
    return form;
  }

  /**
   * What the form holds, names trimmed and blank optional fields as empty or null.
   *
   * @throws io.herald.messaging.api.InvalidMessageException when a JSON field does not parse
   */
  public TransactionalInput toInput() {
    if (!isEmail()) {
      return new TransactionalInput(
          trim(name),
          blankToNull(triggerName),
          orEmpty(description),
          "",
          "",
          "",
          "",
          "",
          "",
          blankToNull(topicId),
          sendToUnsubscribed,
          null,
          channel,
          content.toContent(channel, body));
    }
    return new TransactionalInput(
        trim(name),
        blankToNull(triggerName),
        orEmpty(description),
        orEmpty(subject),
        trim(from),
        trim(replyTo),
        orEmpty(preheader),
        orEmpty(body),
        orEmpty(bodyPlain),
        blankToNull(topicId),
        sendToUnsubscribed,
        layoutId);
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTriggerName() {
    return triggerName;
  }

  public void setTriggerName(String triggerName) {
    this.triggerName = triggerName;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getReplyTo() {
    return replyTo;
  }

  public void setReplyTo(String replyTo) {
    this.replyTo = replyTo;
  }

  public String getPreheader() {
    return preheader;
  }

  public void setPreheader(String preheader) {
    this.preheader = preheader;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getBodyPlain() {
    return bodyPlain;
  }

  public void setBodyPlain(String bodyPlain) {
    this.bodyPlain = bodyPlain;
  }

  public String getTopicId() {
    return topicId;
  }

  public void setTopicId(String topicId) {
    this.topicId = topicId;
  }

  public boolean isSendToUnsubscribed() {
    return sendToUnsubscribed;
  }

  public void setSendToUnsubscribed(boolean sendToUnsubscribed) {
    this.sendToUnsubscribed = sendToUnsubscribed;
  }

  /** The layout the body is wrapped in, null for none. */
  public Long getLayoutId() {
    return layoutId;
  }

  public void setLayoutId(Long layoutId) {
    this.layoutId = layoutId;
  }

  /** {@code email}, {@code sms}, {@code push}, {@code whatsapp} or {@code in_app}. */
  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel == null || channel.isBlank() ? "email" : channel;
  }

  /** Whether it is an email message (the email fields apply). */
  public boolean isEmail() {
    return "email".equals(channel);
  }

  /** The fields of a message of another channel. */
  public ChannelContentForm getContent() {
    return content;
  }
}
