/** How messages are rendered, checked against preferences, handed to plugins and recorded. */
package io.herald.messaging.internal;
