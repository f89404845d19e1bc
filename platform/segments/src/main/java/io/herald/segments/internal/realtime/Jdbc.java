package io.herald.segments.internal.realtime;

import io.herald.shared.persistence.Transactions;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The segments module's short transactions: {@link Transactions} labelled "segments". */
final class Jdbc {

  /** Work done inside one transaction. */
  @FunctionalInterface
  interface Work<T> extends Transactions.Work<T> {}

  private Jdbc() {}

  /** Runs {@code work} in a transaction of its own and commits it. */
  static <T> T inTransaction(DataSource dataSource, Work<T> work) {
    return Transactions.inTransaction(dataSource, "segments", work);
  }

  /** Runs {@code work} on a connection in auto-commit mode, in READ COMMITTED. */
  static <T> T autoCommit(DataSource dataSource, Work<T> work) {
    return Transactions.autoCommit(dataSource, "segments", work);
  }

  /** Deadlock (1213, SQLSTATE 40001) or lock wait timeout (1205). */
  static boolean retryable(SQLException e) {
    return Transactions.retryable(e);
  }

  /** {@code ?, ?, ?} for {@code n} values. */
  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
