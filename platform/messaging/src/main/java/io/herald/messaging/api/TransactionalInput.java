package io.herald.messaging.api;

/**
 * A transactional email message as an admin writes it. Every text may use Liquid.
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
    Long layoutId) {}
