package io.herald.testing;

/**
 * A database created for one test run.
 *
 * @param jdbcUrl JDBC URL of the schema
 * @param user user with all rights on it
 * @param password that user's password (never empty: Arquillian drops empty placeholders)
 * @param description where it lives, for the test log
 * @param cleanup drops the schema or stops the server
 */
public record TestDatabase(
    String jdbcUrl, String user, String password, String description, Runnable cleanup)
    implements AutoCloseable {

  @Override
  public void close() {
    cleanup.run();
  }
}
