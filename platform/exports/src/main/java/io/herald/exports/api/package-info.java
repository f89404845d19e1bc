/**
 * The exports module's public contract: Customer.io's customer exports ({@link
 * io.herald.exports.api.ExportService}) over an audience filter ({@link
 * io.herald.exports.api.AudienceFilter}), run in the background and served as CSV through a signed
 * link.
 */
package io.herald.exports.api;
