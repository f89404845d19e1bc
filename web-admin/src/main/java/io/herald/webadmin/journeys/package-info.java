/** The console's journey pages: the list, a journey's runs, and a person's journeys. */
package io.herald.webadmin.journeys;
