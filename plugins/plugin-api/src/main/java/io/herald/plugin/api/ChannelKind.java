package io.herald.plugin.api;

/** The kind of channel a provider delivers on; the host routes messages by kind. */
public enum ChannelKind {
  /** Email messages. */
  EMAIL,
  /** SMS text messages. */
  SMS,
  /** Mobile push notifications. */
  PUSH,
  /** In-app messages shown by Herald's SDKs. */
  IN_APP,
  /** WhatsApp messages. */
  WHATSAPP,
  /** Outbound HTTP webhooks. */
  WEBHOOK,
  /** Slack messages. */
  SLACK
}
