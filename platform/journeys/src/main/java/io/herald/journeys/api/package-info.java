/**
 * Journeys (Customer.io's campaigns): versioned workflow definitions ({@link JourneyDefinition},
 * read and checked by {@link JourneyJson}), their lifecycle and runs ({@link JourneyService}).
 */
package io.herald.journeys.api;
