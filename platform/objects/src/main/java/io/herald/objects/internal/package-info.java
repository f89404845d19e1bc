/**
 * Objects internals: the entities (types, objects, person and object relationships), attribute
 * documents and their limits, the SQL of object search, the writer that runs each change in its own
 * transaction, and the observers that follow people merges and deletions.
 */
package io.herald.objects.internal;
