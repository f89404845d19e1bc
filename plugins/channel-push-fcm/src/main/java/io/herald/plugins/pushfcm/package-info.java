/**
 * The {@code push-fcm} channel plugin: a PF4J extension that sends push notifications through the
 * Firebase Cloud Messaging HTTP v1 API. A service account's key signs an RS256 JWT, which Google's
 * token endpoint exchanges for an OAuth2 access token (cached until shortly before it expires);
 * each message is one {@code messages:send} call, and FCM's answers become {@link
 * io.herald.plugin.api.DeliveryResult} values.
 */
package io.herald.plugins.pushfcm;
