/**
 * Console settings pages. API credentials: the default workspace's Track API keys, App API keys and
 * Pipelines write keys, listed with masked secrets; admins create them (the whole secret is shown
 * once) and revoke them.
 */
package io.herald.webadmin.settings;
