/**
 * HTTP adapters of the exports module, in Customer.io's App API shapes: {@code POST
 * /v1/exports/customers}, {@code GET /v1/exports}, {@code GET /v1/exports/{export_id}}, {@code GET
 * /v1/exports/{export_id}/download}, and Herald's signed, unauthenticated file URL {@code GET
 * /v1/exports/{export_id}/file}.
 */
package io.herald.exports.rest;
