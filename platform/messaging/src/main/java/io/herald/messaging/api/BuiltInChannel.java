package io.herald.messaging.api;

import io.herald.plugin.api.ChannelProvider;

/**
 * A channel provider that a Herald module supplies itself instead of a PF4J plugin (the in-app
 * module: in-app messages are queued inside Herald for its SDK endpoint). Implement it as an
 * application-scoped CDI bean; the sending loop uses it for deliveries of {@link #channel()} when
 * the workspace has no channel setting for that channel (a setting, when saved, wins). Its
 * deliveries record the setting name {@code built-in:<channel>}.
 */
public interface BuiltInChannel {

  /** The channel it sends, e.g. {@code in_app}. */
  String channel();

  /** The provider; called for every send, so return the same thread-safe instance. */
  ChannelProvider provider();
}
