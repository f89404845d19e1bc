package io.herald.shared.persistence;

/** JNDI names of the datasources the app defines (see the app module). */
public final class DataSources {

  /** The JTA datasource every persistence unit uses. */
  public static final String TRANSACTIONAL = "java:app/jdbc/herald";

  /**
   * A non-transactional datasource for Flyway, Quartz's JobStoreTX and small self-committing writes
   * (STACK-NOTES pitfalls 4 and 7: never give those the JTA datasource).
   */
  public static final String NON_TRANSACTIONAL = "java:app/jdbc/heraldNonTx";

  /**
   * A non-transactional datasource for the group-commit ingestion writers: its connections rewrite
   * JDBC batches into multi-row inserts ({@code rewriteBatchedStatements}).
   */
  public static final String INGEST = "java:app/jdbc/heraldIngest";

  /**
   * A non-transactional datasource for the bulk lane's sending loops alone, which run at the lowest
   * thread priority: a pool of their own, so a request never queues on a pool lock that a preempted
   * low-priority thread holds.
   */
  public static final String BULK = "java:app/jdbc/heraldBulk";

  private DataSources() {}
}
