/** Events storage: the group-commit writer, readers, the change feed, and merge handling. */
package io.herald.events.internal;
