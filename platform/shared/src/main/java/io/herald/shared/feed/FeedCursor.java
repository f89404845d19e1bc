package io.herald.shared.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The read and acknowledge shape every change feed shares: rows of a table with an AUTO_INCREMENT
 * {@code id} and an {@code inserted_at}, read in id order from a consumer's position, cut at the
 * first unsettled hole ({@link FeedWindow}); positions kept per consumer in a cursor table {@code
 * (consumer, position, updated_at)} that only ever moves forward.
 *
 * @param table the feed's table
 * @param cursorTable the table of the consumers' positions
 * @param name how errors name the feed ("change feed", …)
 */
public record FeedCursor(String table, String cursorTable, String name) {

  /** Maps the current row of a feed read. */
  @FunctionalInterface
  public interface RowMapper<T> {
    /** The entry for the current row. */
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * What a read found.
   *
   * @param position the id of the last entry taken, or the consumer's position when none was
   * @param entries the entries a consumer may take now, in id order
   */
  public record Slice<T>(long position, List<T> entries) {
    /** Copies the entries. */
    public Slice {
      entries = List.copyOf(entries);
    }
  }

  /**
   * Reads up to {@code max} entries after the consumer's position.
   *
   * @param select the select list, {@code "SELECT id, …"} ({@code id} first)
   * @param settleSeconds seconds after which a hole in the ids is certainly permanent
   */
  public <T> Slice<T> read(
      DataSource dataSource,
      String consumer,
      String select,
      int settleSeconds,
      int max,
      RowMapper<T> mapper) {
    return read(dataSource, consumer, 0, select, settleSeconds, max, mapper);
  }

  /**
   * Reads up to {@code max} entries after the later of the consumer's stored position and {@code
   * from} (where this node's consumer already got to without storing it, see {@link
   * FeedPositions}).
   */
  public <T> Slice<T> read(
      DataSource dataSource,
      String consumer,
      long from,
      String select,
      int settleSeconds,
      int max,
      RowMapper<T> mapper) {
    try (Connection c = dataSource.getConnection()) {
      long position = Math.max(from, position(c, consumer));
      List<T> entries = new ArrayList<>();
      List<FeedWindow.Row> rows = new ArrayList<>();
      try (PreparedStatement q =
          c.prepareStatement(
              select
                  + ", inserted_at < NOW(3) - INTERVAL ? SECOND AS settled FROM "
                  + table
                  + " WHERE id > ? ORDER BY id LIMIT ?")) {
        q.setInt(1, settleSeconds);
        q.setLong(2, position);
        q.setInt(3, max);
        try (ResultSet rs = q.executeQuery()) {
          // By position (id first, settled last): the driver's by-name lookup cost more per row
          // than these reads.
          int settled = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            entries.add(mapper.map(rs));
            rows.add(new FeedWindow.Row(rs.getLong(1), rs.getBoolean(settled)));
          }
        }
      }
      int safe = FeedWindow.safePrefix(position, rows);
      return new Slice<>(safe == 0 ? position : rows.get(safe - 1).id(), entries.subList(0, safe));
    } catch (SQLException e) {
      throw new IllegalStateException(name + " unreadable: " + e.getMessage(), e);
    }
  }

  /** Moves the consumer's position forward to {@code position} (never back). */
  public void acknowledge(DataSource dataSource, String consumer, long position) {
    try (Connection c = dataSource.getConnection()) {
      acknowledge(c, consumer, position);
    } catch (SQLException e) {
      throw new IllegalStateException(name + " position not saved: " + e.getMessage(), e);
    }
  }

  /**
   * Moves the consumer's position forward to {@code position} (never back) on {@code c}: in the
   * caller's transaction when it has one, committed with it.
   */
  public void acknowledge(Connection c, String consumer, long position) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO "
                + cursorTable
                + " (consumer, position, updated_at) VALUES (?, ?, NOW(3)) ON DUPLICATE KEY"
                + " UPDATE position = GREATEST(position, VALUES(position)),"
                + " updated_at = NOW(3)")) {
      upsert.setString(1, consumer);
      upsert.setLong(2, position);
      upsert.executeUpdate();
    }
  }

  /**
   * Gives a consumer without a position one at the feed's current end (its highest id), so it reads
   * only what is written from now on; a consumer with a position keeps it. Idempotent and safe when
   * several nodes start at once ({@code INSERT IGNORE}). Returns the consumer's position.
   */
  public long startAtEnd(DataSource dataSource, String consumer) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT IGNORE INTO "
                  + cursorTable
                  + " (consumer, position, updated_at) SELECT ?, COALESCE(MAX(id), 0), NOW(3) FROM "
                  + table)) {
        insert.setString(1, consumer);
        insert.executeUpdate();
      }
      return position(c, consumer);
    } catch (SQLException e) {
      throw new IllegalStateException(name + " position not saved: " + e.getMessage(), e);
    }
  }

  /** Every consumer's stored position, by consumer (a consumer that stored none is absent). */
  public Map<String, Long> positions(DataSource dataSource) {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT consumer, position FROM " + cursorTable);
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(name + " unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * Sets the consumer's stored position to {@code position}, backwards too (creating it when
   * missing). Only for a consumer no node is reading: a reader's in-memory position is not moved.
   */
  public void reposition(DataSource dataSource, String consumer, long position) {
    update(
        dataSource,
        "INSERT INTO "
            + cursorTable
            + " (consumer, position, updated_at) VALUES (?, ?, NOW(3)) ON DUPLICATE KEY UPDATE"
            + " position = VALUES(position), updated_at = NOW(3)",
        consumer,
        position);
  }

  /** Removes the consumer's stored position. */
  public void forget(DataSource dataSource, String consumer) {
    update(dataSource, "DELETE FROM " + cursorTable + " WHERE consumer = ?", consumer, null);
  }

  private void update(DataSource dataSource, String sql, String consumer, Long position) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement u = c.prepareStatement(sql)) {
      u.setString(1, consumer);
      if (position != null) {
        u.setLong(2, position);
      }
      u.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(name + " position not saved: " + e.getMessage(), e);
    }
  }

  /** The consumer's position: the id of the last entry it acknowledged, 0 before any. */
  public long position(DataSource dataSource, String consumer) {
    try (Connection c = dataSource.getConnection()) {
      return position(c, consumer);
    } catch (SQLException e) {
      throw new IllegalStateException(name + " unreadable: " + e.getMessage(), e);
    }
  }

  private long position(Connection c, String consumer) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("SELECT position FROM " + cursorTable + " WHERE consumer = ?")) {
      q.setString(1, consumer);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }
}
