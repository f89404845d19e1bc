package io.herald.bench.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Brings InnoDB to the same state before each measured phase: flushes the dirty pages the phases
 * before left (a 50-segment build, a previous load) so that no phase starts next to the page
 * cleaner's hardest flushing or a nearly full redo log. With the server's default {@code
 * innodb_io_capacity} (200, sized for spinning disks) a gigabyte of dirty pages takes minutes to
 * flush in the background, and a phase that starts then pays for its predecessor's writes.
 *
 * <p>While waiting, raises {@code innodb_io_capacity} / {@code innodb_io_capacity_max} and sets
 * {@code innodb_max_dirty_pages_pct} to 0; restores the three values afterwards (also on failure).
 * The phase itself runs with the server's own settings.
 */
public final class InnodbQuiesce {

  /** What a wait found. */
  public record Result(double seconds, long dirtyBefore, long dirtyAfter, boolean quiet) {
    /** One line for a report. */
    public String describe() {
      return String.format(
          "database quiesced in %.1f s (dirty pages %,d -> %,d%s)",
          seconds, dirtyBefore, dirtyAfter, quiet ? "" : ", TIMED OUT");
    }
  }

  /** Quiet: dirty pages at most this share of the pool's data pages. */
  private static final double QUIET_SHARE = 0.01;

  private InnodbQuiesce() {}

  /**
   * Waits until at most 1% of the buffer pool's data pages are dirty, or {@code timeout}.
   *
   * @param c a connection of a user allowed to set global variables
   */
  public static Result await(Connection c, Duration timeout) throws SQLException {
    long start = System.nanoTime();
    try (Statement s = c.createStatement()) {
      long capacity = number(s, "SELECT @@innodb_io_capacity");
      long capacityMax = number(s, "SELECT @@innodb_io_capacity_max");
      String pct = text(s, "SELECT @@innodb_max_dirty_pages_pct");
      long before = status(s, "Innodb_buffer_pool_pages_dirty");
      long dirty = before;
      boolean quiet = false;
      try {
        s.execute("SET GLOBAL innodb_io_capacity_max = " + Math.max(capacityMax, 8000));
        s.execute("SET GLOBAL innodb_io_capacity = " + Math.max(capacity, 4000));
        s.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
        long deadline = start + timeout.toNanos();
        while (true) {
          dirty = status(s, "Innodb_buffer_pool_pages_dirty");
          long data = status(s, "Innodb_buffer_pool_pages_data");
          if (dirty <= Math.max(100, data * QUIET_SHARE)) {
            quiet = true;
            break;
          }
          if (System.nanoTime() > deadline) {
            break;
          }
          Thread.sleep(500);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        s.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + pct);
        s.execute("SET GLOBAL innodb_io_capacity = " + capacity);
        s.execute("SET GLOBAL innodb_io_capacity_max = " + capacityMax);
      }
      return new Result((System.nanoTime() - start) / 1e9, before, dirty, quiet);
    }
  }

  private static long status(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
      return rs.next() ? rs.getLong(2) : 0;
    }
  }

  private static long number(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String text(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
