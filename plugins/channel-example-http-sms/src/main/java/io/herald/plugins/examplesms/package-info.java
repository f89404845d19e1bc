/**
 * Example channel plugin of the walk-through in {@code plugins/README.md}: SMS through a generic
 * JSON-over-HTTP gateway. {@link io.herald.plugins.examplesms.HttpSmsChannelProviderFactory} is the
 * PF4J extension; {@link io.herald.plugins.examplesms.HttpSmsChannelProvider} sends.
 */
package io.herald.plugins.examplesms;
