/**
 * Journey pages: the list with JSON import ({@code journeys.xhtml}), one journey with its state
 * buttons, metrics, step editor, JSON document and runs ({@code journey.xhtml}), and a person's
 * runs with their step logs ({@code person-journeys.xhtml}, linked from the person's page).
 */
package io.herald.webadmin.journeys;
