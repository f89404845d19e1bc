/**
 * Segments internals: the segment and membership entities, their repositories, the transactional
 * writes, the service implementation, and the observers that follow people's merges and deletions.
 */
package io.herald.segments.internal;
