/**
 * Console settings pages. API credentials: the default workspace's Track API keys, App API keys and
 * Pipelines write keys, listed with masked secrets; admins create them (the whole secret is shown
 * once) and revoke them. Users: the admin console users with their roles; admins create them. Both
 * pages refuse changes from other roles on the server as well as hiding the controls.
 */
package io.herald.webadmin.settings;
