/**
 * Messaging pages: transactional messages (list, edit form, preview for a person, test send, their
 * sends) and the delivery detail. They use {@code io.herald.messaging.api} only.
 */
package io.herald.webadmin.messaging;
