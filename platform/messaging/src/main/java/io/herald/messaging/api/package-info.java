/**
 * The messaging module's public contract: message templates rendered with Liquid, the transactional
 * API's sends, and the delivery log.
 */
package io.herald.messaging.api;
