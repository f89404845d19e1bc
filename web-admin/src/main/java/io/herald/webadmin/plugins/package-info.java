/**
 * The console's Plugins page: which PF4J plugins the plugin host found, whether each started (and
 * why not), and the channel provider factories they contribute, read through the plugin host's API
 * only.
 */
package io.herald.webadmin.plugins;
