/**
 * The plugin host's implementation: a PF4J manager set to Herald's rules ({@code systemVersion} is
 * the plugin API version, refused and broken plugins are remembered with their reason), the plain
 * {@code Pf4jPluginHost} that loads one directory and snapshots what it found, the CDI adapter
 * {@code DefaultPluginHost} that runs it for the application's lifetime, the context lent to
 * providers, and the {@code plugin-host} readiness check. PF4J types stay inside this package.
 */
package io.herald.pluginhost.internal;
