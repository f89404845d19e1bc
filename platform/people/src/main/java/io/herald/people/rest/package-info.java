/**
 * HTTP adapters of the people module, in Customer.io's wire format: the Track API people and device
 * calls and the App API people reads.
 */
package io.herald.people.rest;
