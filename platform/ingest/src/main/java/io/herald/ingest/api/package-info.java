/**
 * The pipelines module's public contract: what the Data Pipelines (Segment-spec) API accepted but
 * did not apply, and why, for the console's Data-in page.
 */
package io.herald.ingest.api;
