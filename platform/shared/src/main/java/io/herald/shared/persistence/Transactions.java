package io.herald.shared.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Short JDBC transactions on a non-transactional datasource, in READ COMMITTED (no gap locks, so
 * writers only ever lock the rows they touch), retried when the database picked them as a deadlock
 * victim or a lock wait timed out.
 */
public final class Transactions {

  private static final Logger LOG = Logger.getLogger(Transactions.class.getName());
  private static final int ATTEMPTS = 4;

  /** Work done on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * @param c the connection, in a transaction or in auto-commit mode
     * @return the result
     * @throws SQLException on a database error
     */
    T run(Connection c) throws SQLException;
  }

  private Transactions() {}

  /**
   * Runs {@code work} in a transaction of its own and commits it.
   *
   * @param label names the caller in the exception thrown when the transaction fails
   */
  public static <T> T inTransaction(DataSource dataSource, String label, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(false);
        boolean ended = false;
        try {
          T result = work.run(c);
          // Back to auto-commit, which commits (JDBC and the server both say so): one round trip
          // where COMMIT and then SET autocommit=1 took two, on every unit of work.
          if (autoCommit) {
            c.setAutoCommit(true);
          } else {
            c.commit();
          }
          ended = true;
          return result;
        } catch (SQLException | RuntimeException e) {
          rollback(c, e);
          throw e;
        } finally {
          if (!ended && !c.isClosed()) {
            c.setAutoCommit(autoCommit);
          }
          c.setTransactionIsolation(isolation);
        }
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && retryable(e)) {
          LOG.log(Level.FINE, label + " transaction retried", e);
          continue;
        }
        throw new IllegalStateException(label + " transaction failed: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Runs {@code work} on a connection in auto-commit mode, in READ COMMITTED too: an {@code INSERT
   * … SELECT} in REPEATABLE READ would share-lock (with gaps) every row its SELECT reads.
   */
  public static <T> T autoCommit(DataSource dataSource, String label, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      int isolation = c.getTransactionIsolation();
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try {
        return work.run(c);
      } finally {
        c.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(label + " statement failed: " + e.getMessage(), e);
    }
  }

  /** Rolls back after {@code failure}; a rollback that fails too is added to it, not thrown. */
  private static void rollback(Connection c, Exception failure) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** Deadlock (1213, SQLSTATE 40001) or lock wait timeout (1205). */
  public static boolean retryable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s
          && (s.getErrorCode() == 1213
              || s.getErrorCode() == 1205
              || "40001".equals(s.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
