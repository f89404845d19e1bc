/**
 * Test harness: one database per test run (the embedded MariaDB, or a fresh schema on an external
 * server), handed to container tests through system properties before Arquillian reads its
 * configuration.
 */
package io.herald.testing;
