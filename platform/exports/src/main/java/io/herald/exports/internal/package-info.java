/**
 * The exports module's implementation: the export and chunk entities, the background job (scan
 * people page by page, match, store JSON lines, rewrite them as CSV), the CSV rules, the download
 * link signer and the sweep that fails exports whose node stopped.
 */
package io.herald.exports.internal;
