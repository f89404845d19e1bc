package io.herald.messaging.internal.render;

/**
 * An email rendered for one recipient. Fields the template left empty are empty strings.
 *
 * @param subject single-line subject
 * @param from single-line sender
 * @param replyTo single-line reply-to
 * @param html HTML body with layout and preheader applied
 * @param text plain-text body, given or derived from the HTML
 */
public record RenderedEmail(
    String subject, String from, String replyTo, String html, String text) {}
