/**
 * The process that runs Herald: reads the environment, starts the embedded MariaDB unless an
 * external database is configured, then runs Payara Micro with the WAR as a child process and tells
 * the operator when the node is ready.
 */
package io.herald.launcher;
