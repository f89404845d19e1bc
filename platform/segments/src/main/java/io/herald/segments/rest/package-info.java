/**
 * HTTP adapters of the segments module, in Customer.io's wire format: the App API segment calls
 * ({@code /v1/segments}, with Herald's data segments: conditions, update, preview, changes), a
 * person's segments ({@code /v1/customers/{identifier}/segments}) and the Track API
 * manual-membership calls ({@code /api/v1/segments/{segment_id}/add_customers|remove_customers}).
 */
package io.herald.segments.rest;
