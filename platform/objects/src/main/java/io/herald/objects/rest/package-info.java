/**
 * HTTP adapters of the objects module: Customer.io's App API object reads (types, attributes,
 * relationships, search, a person's relationships) and Herald's App API writes for objects.
 */
package io.herald.objects.rest;
