/**
 * The in-app module's implementation: the queue in {@code inapp_message} (plain JDBC), the token
 * signer, the host channel provider messaging sends in-app deliveries through, the long polls
 * waiting for a person's messages, and the SDK's events.
 */
package io.herald.inapp.internal;
