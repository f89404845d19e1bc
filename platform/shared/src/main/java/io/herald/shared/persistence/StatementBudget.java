package io.herald.shared.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The byte budget of one multi-row statement ({@link MultiRowInsert#budget}), read from the server
 * on first use and kept: a writer that inserts on every group commit asks the server once.
 */
public final class StatementBudget {

  /** 0 until read. */
  private volatile long known;

  /** The budget on {@code connection}'s server; only the first call (or race) reads it. */
  public long of(Connection connection) throws SQLException {
    long budget = known;
    if (budget == 0) {
      budget = MultiRowInsert.budget(connection);
      known = budget;
    }
    return budget;
  }
}
