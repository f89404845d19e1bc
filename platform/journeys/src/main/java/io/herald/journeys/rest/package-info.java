/** The App API's campaign calls ({@code /v1/campaigns}) and a person's journeys. */
package io.herald.journeys.rest;
