/**
 * The Data Pipelines (Segment-spec) HTTP API: {@code POST
 * /v1/identify|track|page|screen|group|alias|batch}.
 */
package io.herald.ingest.rest;
