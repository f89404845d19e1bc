/** Applying Pipelines messages to people and events, and the log of dropped messages. */
package io.herald.ingest.internal;
