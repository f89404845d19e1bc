package io.herald.segments.internal.realtime;

import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code segments_recheck_request}: append-only requests that people be re-evaluated, written by
 * changes that cannot take the people's locks (a related object changed, an engagement, a person
 * the feed found held by a rebuild chunk), and folded into their {@code segments_recheck} timers
 * ({@link PersonRows}) by the re-checks worker, which waits for those locks instead.
 */
final class RecheckRequestRows {

  private RecheckRequestRows() {}

  /**
   * Asks, in the caller's transaction, for a re-check of each of {@code causes}' people (of one
   * workspace) with the cause given, requested at {@code now}: the engine's way to hand over people
   * whose rows another transaction holds without waiting for it.
   */
  static void request(Connection c, long ws, SortedMap<String, String> causes, Instant now)
      throws SQLException {
    if (causes.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO segments_recheck_request (workspace_id, cio_id, cause, requested_at)"
                + " VALUES "
                + String.join(", ", Collections.nCopies(causes.size(), "(?, ?, ?, ?)")))) {
      int p = 1;
      for (Map.Entry<String, String> person : causes.entrySet()) {
        insert.setLong(p++, ws);
        insert.setString(p++, person.getKey());
        insert.setString(p++, person.getValue());
        DateTimes.bind(insert, p++, now);
      }
      insert.executeUpdate();
    }
  }

  /** What to do with the pending re-check requests. */
  enum Fold {
    /** There are none, or they wait to be dropped together. */
    NOTHING,
    /** One may change a data segment: fold now. */
    NOW,
    /** None may, and the oldest has waited long enough: delete them, many at a time. */
    DROP
  }

  /**
   * What to do with the pending re-check requests, read without locks (in auto-commit mode): fold
   * them now when one of them (by workspace and cause) is {@code relevant}; otherwise drop them
   * once the oldest was requested before {@code droppableBefore}, so requests about changes no data
   * segment reads are deleted many at a time.
   */
  static Fold fold(
      Connection autoCommit,
      Instant droppableBefore,
      java.util.function.BiPredicate<Long, String> relevant)
      throws SQLException {
    Instant oldest;
    try (PreparedStatement q =
            autoCommit.prepareStatement(
                "SELECT requested_at FROM segments_recheck_request ORDER BY id LIMIT 1");
        ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        return Fold.NOTHING;
      }
      oldest = DateTimes.instant(rs.getObject(1));
    }
    try (PreparedStatement q =
            autoCommit.prepareStatement(
                "SELECT DISTINCT workspace_id, cause FROM segments_recheck_request");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        if (relevant.test(rs.getLong(1), rs.getString(2))) {
          return Fold.NOW;
        }
      }
    }
    return oldest.isBefore(droppableBefore) ? Fold.DROP : Fold.NOTHING;
  }

  /**
   * Moves up to {@code limit} requests into the re-check timers (due {@code now}) and deletes them,
   * claiming them with SKIP LOCKED so several nodes can fold at once.
   *
   * @return how many requests were folded
   */
  static int foldRequests(Connection c, Instant now, int limit) throws SQLException {
    return foldRequests(c, now, limit, requested -> requested).requests();
  }

  /** What a fold did: the requests it claimed and deleted, the people it made due. */
  record Folded(int requests, int scheduled) {}

  /**
   * As {@link #foldRequests(Connection, Instant, int)}, but only the requests {@code relevant}
   * keeps (given all the claimed ones, in request order, once they are read) become re-checks; the
   * others are deleted all the same.
   *
   * @return how many requests were folded or dropped, and how many people became due
   */
  static Folded foldRequests(
      Connection c,
      Instant now,
      int limit,
      java.util.function.UnaryOperator<List<PersonRows.Due>> relevant)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<PersonRows.Due> requested = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, workspace_id, cio_id, cause FROM segments_recheck_request"
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
      q.setInt(1, limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          requested.add(new PersonRows.Due(rs.getLong(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    if (ids.isEmpty()) {
      return new Folded(0, 0);
    }
    Map<String, PersonRows.Due> people = new java.util.TreeMap<>();
    for (PersonRows.Due due : relevant.apply(requested)) {
      people.putIfAbsent(String.format("%020d/%s", due.workspaceId(), due.cioId()), due);
    }
    if (!people.isEmpty()) {
      PersonRows.scheduleNow(
          c, new ArrayList<>(people.values()), now); // key order, like every other locker
    }
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM segments_recheck_request WHERE id IN ("
                + Jdbc.placeholders(ids.size())
                + ")")) {
      int p = 1;
      for (Long id : ids) {
        delete.setLong(p++, id);
      }
      delete.executeUpdate();
    }
    return new Folded(ids.size(), people.size());
  }
}
