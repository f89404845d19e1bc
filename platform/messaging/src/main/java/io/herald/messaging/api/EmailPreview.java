package io.herald.messaging.api;

/**
 * A transactional message rendered for one person, as the console shows it before sending.
 *
 * @param subject the rendered subject
 * @param from the rendered sender, empty for the channel's default
 * @param replyTo the rendered reply address
 * @param html the rendered HTML (preheader included)
 * @param text the rendered or derived plain text
 * @param error null when it rendered, else the field, line and variable that failed (the other
 *     fields are empty then)
 */
public record EmailPreview(
    String subject, String from, String replyTo, String html, String text, TemplateError error) {}
