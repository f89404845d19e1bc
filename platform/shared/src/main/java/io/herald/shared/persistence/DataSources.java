package io.herald.shared.persistence;

/** JNDI names of the two datasources the app defines (see the app module). */
public final class DataSources {

  /** The JTA datasource every persistence unit uses. */
  public static final String TRANSACTIONAL = "java:app/jdbc/herald";

  /**
   * A non-transactional datasource for Flyway, Quartz's JobStoreTX and small self-committing writes
   * (STACK-NOTES pitfalls 4 and 7: never give those the JTA datasource).
   */
  public static final String NON_TRANSACTIONAL = "java:app/jdbc/heraldNonTx";

  private DataSources() {}
}
