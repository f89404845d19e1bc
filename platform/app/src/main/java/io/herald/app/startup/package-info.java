/**
 * Start-up: the two datasources, Flyway migrations before any module touches the database, the
 * secret key, the first-start bootstrap (default workspace and credentials, printed once), and the
 * state readiness reports.
 */
package io.herald.app.startup;
