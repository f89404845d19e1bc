/**
 * The {@code push-apns} channel plugin: a PF4J extension that sends push notifications through the
 * Apple Push Notification service over HTTP/2 with token-based authentication: an ES256 JWT signed
 * with the team's .p8 key, reused for tens of minutes, in each request's {@code authorization}
 * header. APNs' answers become {@link io.herald.plugin.api.DeliveryResult} values.
 */
package io.herald.plugins.pushapns;
