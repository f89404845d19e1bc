package io.herald.segments.internal.realtime;

import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The people's locks: a person's {@code segments_recheck} row is locked by whoever writes their
 * memberships (the engine's evaluations, a claimed re-check, a rebuild's chunk), always in key
 * order, so lockers never deadlock.
 *
 * <p>The feeds' evaluations never wait for a lock another transaction holds: a rebuild's chunk
 * holds up to thousands of people for the length of its writes (about a second under load,
 * bench/segments T3), and a feed batch waiting behind one of them would hold back the whole batch's
 * changes. People held elsewhere get a re-check request instead ({@link #lockFree}), folded into a
 * due re-check once the holder commits.
 */
final class PersonLocks {

  private PersonLocks() {}

  /**
   * Makes sure every person has a row, in auto-commit mode: inserting inside the locking
   * transaction would take shared locks on existing rows first, and two such transactions would
   * deadlock upgrading them. Only the missing rows are inserted, after a read that locks nothing:
   * an {@code INSERT IGNORE} of an existing row waits for its lock to check the duplicate.
   */
  static void ensure(Connection autoCommit, long ws, List<String> cioIds) throws SQLException {
    TreeSet<String> missing = new TreeSet<>(cioIds);
    if (missing.isEmpty()) {
      return;
    }
    missing.removeAll(existing(autoCommit, ws, List.copyOf(missing)));
    insert(autoCommit, ws, missing);
  }

  /**
   * Inserts rows for {@code missing}, people a read without locks found without one, in auto-commit
   * mode ({@link #ensure}, when the caller has read that already).
   */
  static void insert(Connection autoCommit, long ws, Collection<String> missing)
      throws SQLException {
    if (missing.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        autoCommit.prepareStatement(
            "INSERT IGNORE INTO segments_recheck (workspace_id, cio_id) VALUES "
                + String.join(", ", java.util.Collections.nCopies(missing.size(), "(?, ?)")))) {
      int p = 1;
      for (String cio : missing) {
        insert.setLong(p++, ws);
        insert.setString(p++, cio);
      }
      insert.executeUpdate();
    }
  }

  private static Set<String> existing(Connection c, long ws, List<String> cioIds)
      throws SQLException {
    return rows(c, ws, cioIds, "");
  }

  /** The people among {@code cioIds} with a row, read with {@code suffix} appended to the query. */
  private static Set<String> rows(Connection c, long ws, List<String> cioIds, String suffix)
      throws SQLException {
    Set<String> found = new HashSet<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT cio_id FROM segments_recheck WHERE workspace_id = ? AND cio_id IN ("
                + Jdbc.placeholders(cioIds.size())
                + ")"
                + suffix)) {
      q.setLong(1, ws);
      int p = 2;
      for (String cio : cioIds) {
        q.setString(p++, cio);
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }

  /**
   * Locks the people's rows that no other transaction holds (in key order, {@code SKIP LOCKED})
   * and, in the same transaction, appends a re-check request with {@code causes}' cause for each
   * person held elsewhere (or whose row is gone: a deleted person, which the re-check forgets).
   *
   * @param causes each person to lock, with the cause of their evaluation
   * @return the people locked
   */
  static Set<String> lockFree(Connection c, long ws, Map<String, String> causes, Instant now)
      throws SQLException {
    List<String> sorted = List.copyOf(new TreeSet<>(causes.keySet()));
    if (sorted.isEmpty()) {
      return new HashSet<>();
    }
    Set<String> locked = rows(c, ws, sorted, " ORDER BY cio_id FOR UPDATE SKIP LOCKED");
    List<String> held = new ArrayList<>();
    for (String cio : sorted) {
      if (!locked.contains(cio)) {
        held.add(cio);
      }
    }
    if (!held.isEmpty()) {
      request(c, ws, held, causes, now);
    }
    return locked;
  }

  /** Appends one re-check request per person, with the person's cause. */
  private static void request(
      Connection c, long ws, List<String> people, Map<String, String> causes, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO segments_recheck_request (workspace_id, cio_id, cause, requested_at)"
                + " VALUES "
                + String.join(
                    ", ", java.util.Collections.nCopies(people.size(), "(?, ?, ?, ?)")))) {
      int p = 1;
      for (String cio : people) {
        insert.setLong(p++, ws);
        insert.setString(p++, cio);
        insert.setString(p++, causes.get(cio));
        DateTimes.bind(insert, p++, now);
      }
      insert.executeUpdate();
    }
  }
}
