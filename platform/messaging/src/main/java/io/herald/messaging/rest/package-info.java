/** The transactional API ({@code /v1/send/*}) and the delivery log endpoints. */
package io.herald.messaging.rest;
