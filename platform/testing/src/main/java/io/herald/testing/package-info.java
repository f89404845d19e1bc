/**
 * Test harness: one database per test run (the embedded MariaDB, or a fresh schema on an external
 * server), handed to container tests through system properties before Arquillian reads its
 * configuration; and {@link io.herald.testing.CountingDataSource}, which counts the statements and
 * commits that reach the database.
 */
package io.herald.testing;
