/**
 * The {@code sms-twilio} channel plugin: a PF4J extension that sends SMS with Twilio's Messages API
 * over the JDK's HTTP client, checks Twilio's {@code X-Twilio-Signature} on every callback, and
 * turns status callbacks and incoming messages into {@link io.herald.plugin.api.DeliveryEvent}s.
 * Twilio's answers become {@link io.herald.plugin.api.DeliveryResult} values; nothing is thrown for
 * them.
 */
package io.herald.plugins.smstwilio;
