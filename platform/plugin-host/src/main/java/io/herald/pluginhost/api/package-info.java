/**
 * The plugin host's public contract: which PF4J plugins are loaded, their state, and the channel
 * provider factories they contribute. PF4J types never cross this package.
 */
package io.herald.pluginhost.api;
