/**
 * HTTP adapters of the people module: the Track API identify call and the App API attributes read,
 * in Customer.io's wire format.
 */
package io.herald.people.rest;
