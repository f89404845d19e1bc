/**
 * The {@code email-smtp} channel plugin: a PF4J extension that sends email through one SMTP server
 * with Jakarta Mail (Eclipse Angus), over a pool of reused connections, with STARTTLS or implicit
 * TLS, SMTP AUTH, stable Message-IDs derived from the idempotency key and optional DKIM signing.
 * SMTP replies become {@link io.herald.plugin.api.DeliveryResult} values; nothing is thrown for a
 * server's answer.
 */
package io.herald.plugins.emailsmtp;
