package io.herald.messaging.internal.render;

/**
 * The Liquid sources of one email. Any field may be null or empty; {@code subject}, {@code from}
 * and {@code replyTo} are rendered to single lines.
 *
 * @param subject subject line
 * @param from sender, e.g. {@code Acme <hello@acme.test>}
 * @param replyTo reply-to address
 * @param preheader inbox preview text, inserted into the HTML as a hidden span
 * @param html HTML body ({@code body} in errors)
 * @param text plain-text body ({@code body_plain} in errors); derived from the HTML when empty
 */
public record EmailTemplate(
    String subject, String from, String replyTo, String preheader, String html, String text) {}
