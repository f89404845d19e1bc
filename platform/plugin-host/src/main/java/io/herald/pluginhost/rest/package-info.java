/**
 * The plugin host's inbound HTTP adapter: {@code PluginResource} serves {@code GET /v1/plugins} on
 * the App API, listing each plugin's version, {@code plugin.requires}, status, reason and channel
 * providers as JSON built with JSON-P. It reads only the {@code pluginhost.api} contract;
 * authentication happens in the App API's filter, not here.
 */
package io.herald.pluginhost.rest;
