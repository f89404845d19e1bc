package io.herald.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Inserts rows with multi-row statements written out here ({@code INSERT … VALUES (?,…),(?,…)}),
 * each kept under a byte budget the server accepts, in the order of the rows. A statement takes any
 * number of rows up to {@link #EXACT_ROWS}, and a power of two of rows above that (up to {@code
 * maxRows}), so that a connection's statement cache ({@code cachePrepStmts}, with a {@code
 * prepStmtCacheSqlLimit} above the longest statement) holds every shape (at most {@code EXACT_ROWS}
 * + 4 for 256 rows) and the driver parses each shape once, not a new statement text per call; and a
 * small group (a group commit of single API calls) goes out as one statement, which its caller can
 * then run in auto-commit mode ({@link #statements}).
 *
 * <p>Connector/J's {@code rewriteBatchedStatements} builds the same statement from a JDBC batch,
 * but it copies each row's bindings into the batch and out again, and sizes the batch against
 * {@code max_allowed_packet} by encoding every string parameter once before encoding it again to
 * send it ({@code ClientPreparedQuery.computeBatchSize}). Writing the statement here encodes each
 * value once; the caller bounds each row's encoded size instead ({@code rowBytes}: at most 3 bytes
 * per {@code char} of a string, escaping included, as a string's UTF-8 bytes are at most 3 per char
 * and only single-byte characters are escaped, to 2 bytes).
 *
 * @param <T> the row type
 */
public final class MultiRowInsert<T> {

  /** Binds one row's values from parameter {@code first} on; returns the next free index. */
  @FunctionalInterface
  public interface Binder<T> {
    int bind(PreparedStatement statement, int first, T row) throws SQLException;
  }

  /** The most rows a statement takes in any number; above it, statements take powers of two. */
  public static final int EXACT_ROWS = 16;

  /** Bytes a statement's values may take when the server allows more: 4 MiB. */
  public static final long MAX_STATEMENT_BYTES = 4L << 20;

  private final String head;
  private final String row;
  private final int maxRows;
  private final ToLongFunction<T> rowBytes;
  private final Binder<T> binder;

  /**
   * @param head the statement up to {@code VALUES}, e.g. {@code INSERT INTO t (a, b)}
   * @param columns the values per row
   * @param maxRows the most rows one statement takes
   * @param rowBytes an upper bound of a row's encoded values, in bytes
   * @param binder binds a row's values
   */
  public MultiRowInsert(
      String head, int columns, int maxRows, ToLongFunction<T> rowBytes, Binder<T> binder) {
    if (columns < 1 || maxRows < 1) {
      throw new IllegalArgumentException("columns and rows per statement must be positive");
    }
    this.head = Objects.requireNonNull(head, "head") + " VALUES ";
    this.row = "(?" + ",?".repeat(columns - 1) + ")";
    this.maxRows = maxRows;
    this.rowBytes = Objects.requireNonNull(rowBytes, "rowBytes");
    this.binder = Objects.requireNonNull(binder, "binder");
  }

  /**
   * Inserts {@code rows} in order, in the statements {@link #statements} counts: each takes as many
   * of the next rows as fit the budget and {@code maxRows} when they are at most {@link
   * #EXACT_ROWS}, else the largest power of two of them (a row over the budget goes alone).
   *
   * @param budget the bytes one statement's values may take (see {@link #budget})
   * @return the rows the server reports inserted
   */
  public long insert(Connection connection, List<T> rows, long budget) throws SQLException {
    long inserted = 0;
    int from = 0;
    while (from < rows.size()) {
      int to = next(rows, from, budget);
      inserted += statement(connection, rows.subList(from, to));
      from = to;
    }
    return inserted;
  }

  /**
   * How many statements {@link #insert} takes for {@code rows}: a caller that gets 1 may run the
   * insert in auto-commit mode, where the statement is its own transaction.
   */
  public int statements(List<T> rows, long budget) {
    int statements = 0;
    for (int from = 0; from < rows.size(); from = next(rows, from, budget)) {
      statements++;
    }
    return statements;
  }

  /** Where the statement that starts at {@code from} ends (exclusive). */
  private int next(List<T> rows, int from, long budget) {
    int to = from;
    long bytes = 0;
    while (to < rows.size() && to - from < maxRows) {
      long next = rowBytes.applyAsLong(rows.get(to)) + row.length();
      if (to > from && bytes + next > budget) {
        break;
      }
      bytes += next;
      to++;
    }
    // Few statement shapes, each parsed once per connection (cachePrepStmts).
    return to - from <= EXACT_ROWS ? to : from + Integer.highestOneBit(to - from);
  }

  private long statement(Connection connection, List<T> rows) throws SQLException {
    StringBuilder sql =
        new StringBuilder(head.length() + rows.size() * (row.length() + 1)).append(head);
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        sql.append(',');
      }
      sql.append(row);
    }
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int next = 1;
      for (T value : rows) {
        next = binder.bind(insert, next, value);
      }
      return insert.executeLargeUpdate();
    }
  }

  /**
   * The budget for one statement's values on {@code connection}'s server: half its {@code
   * max_allowed_packet} (room for the statement text and the protocol), at most {@link
   * #MAX_STATEMENT_BYTES}.
   */
  public static long budget(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@max_allowed_packet")) {
      rs.next();
      return Math.min(MAX_STATEMENT_BYTES, rs.getLong(1) / 2);
    }
  }

  /** An upper bound of a string's bytes as a quoted, escaped SQL literal; 4 for null. */
  public static long literalBytes(String value) {
    return value == null ? 4 : 3L * value.length() + 2;
  }
}
