/**
 * Group commit for ingestion paths: concurrent requests hand in their items and block until one
 * shared transaction committed them ({@link GroupCommit}). Used by the events and people modules.
 */
package io.herald.shared.ingest;
