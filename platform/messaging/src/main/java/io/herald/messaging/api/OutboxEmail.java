package io.herald.messaging.api;

/**
 * An email the dev outbox "sent", as the delivery log keeps it.
 *
 * @param delivery the delivery
 * @param channelSetting the {@code dev-outbox} setting it went through
 * @param from the sender, empty for the channel's default
 * @param replyTo the reply address, may be empty
 * @param html the HTML part, empty when the content was not retained
 * @param text the text part, empty when the content was not retained
 * @param retained whether the content was kept ({@code disable_message_retention} sends keep none)
 */
public record OutboxEmail(
    DeliveryView delivery,
    String channelSetting,
    String from,
    String replyTo,
    String html,
    String text,
    boolean retained) {}
