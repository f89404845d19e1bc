package io.herald.events.internal;

import io.herald.events.api.EventSubject;
import io.herald.events.api.NewEvent;
import io.herald.people.api.IdType;
import io.herald.shared.ingest.GroupCommit;
import io.herald.shared.persistence.DateTimes;
import io.herald.shared.persistence.MultiRowInsert;
import io.herald.shared.persistence.StatementBudget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes one group of events atomically with multi-row inserts ({@link MultiRowInsert}): a group
 * that fits one statement (single API calls' groups) as that statement in auto-commit mode, a
 * larger one in a transaction. Events whose dedupe id is already stored, or repeated within the
 * group, are left out before inserting, so the common case burns no ids and leaves no holes in the
 * change feed; a concurrent duplicate falls back to {@code INSERT IGNORE}. Events whose person is
 * named by an identifier (Track API single calls) get that person looked up here, once for the
 * group, before the transaction starts.
 */
final class EventWriter implements GroupCommit.Writer<EventRow, Boolean> {

  private static final String COLUMNS =
      " events_event (workspace_id, person_cio_id, anonymous_id, object_type_id, object_id,"
          + " dedupe_id, name, type, source, occurred_at, received_at, data, context)";

  /**
   * Rows per insert statement, at most: a group's 2,000 default rows make ten statements, of the
   * twenty shapes (1 to 16 rows, then 32 to 256) that the ingest pool's statement cache keeps
   * parsed.
   */
  private static final int ROWS_PER_STATEMENT = 256;

  private static final MultiRowInsert<EventRow> INSERT =
      new MultiRowInsert<>(
          "INSERT INTO" + COLUMNS,
          13,
          ROWS_PER_STATEMENT,
          EventWriter::rowBytes,
          EventWriter::bind);

  private static final MultiRowInsert<EventRow> INSERT_IGNORE =
      new MultiRowInsert<>(
          "INSERT IGNORE INTO" + COLUMNS,
          13,
          ROWS_PER_STATEMENT,
          EventWriter::rowBytes,
          EventWriter::bind);

  private final DataSource dataSource;
  private final PersonResolver people;

  /** Bytes one insert statement's values may take, read from the server once. */
  private final StatementBudget budget = new StatementBudget();

  /** A writer for events whose subjects are known (no {@link EventRow#named} rows). */
  EventWriter(DataSource dataSource) {
    this(
        dataSource,
        (workspace, type, values) -> {
          throw new IllegalStateException("this writer looks nobody up");
        });
  }

  EventWriter(DataSource dataSource, PersonResolver people) {
    this.dataSource = dataSource;
    this.people = people;
  }

  /**
   * Looks up the people of the {@link EventRow#named} rows (one lookup per workspace and identifier
   * type), then commits the rows whose subject is known.
   *
   * @return per row, whether it was written: {@code false} for a named person nobody is
   */
  @Override
  public List<Boolean> write(List<EventRow> given) throws SQLException {
    List<Boolean> written = new ArrayList<>(given.size());
    List<EventRow> rows = resolve(given, written);
    if (!rows.isEmpty()) {
      insert(rows);
    }
    return written;
  }

  /** The rows with their people looked up; {@code written} gets one flag per given row. */
  private List<EventRow> resolve(List<EventRow> given, List<Boolean> written) {
    Map<Lookup, Set<String>> wanted = new LinkedHashMap<>();
    for (EventRow row : given) {
      if (row.named() != null) {
        wanted.computeIfAbsent(Lookup.of(row), k -> new HashSet<>()).add(row.named().value());
      }
    }
    Map<Lookup, Map<String, String>> found = new HashMap<>();
    wanted.forEach(
        (lookup, values) ->
            found.put(lookup, people.cioIds(lookup.workspaceId(), lookup.type(), values)));
    List<EventRow> rows = new ArrayList<>(given.size());
    for (EventRow row : given) {
      String cioId =
          row.named() == null ? null : found.get(Lookup.of(row)).get(row.named().value());
      written.add(row.named() == null || cioId != null);
      if (row.named() == null) {
        rows.add(row);
      } else if (cioId != null) {
        rows.add(row.about(cioId));
      }
    }
    return rows;
  }

  /** One people lookup of a group: a workspace's identifiers of one type. */
  private record Lookup(long workspaceId, IdType type) {
    static Lookup of(EventRow row) {
      return new Lookup(row.workspaceId(), row.named().type());
    }
  }

  private void insert(List<EventRow> rows) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      // A concurrent duplicate waits on its key lock at most innodb_lock_wait_timeout: the
      // ingest pool sets it to 5 s for each connection (sessionVariables), not each group.
      List<EventRow> fresh = withoutDuplicates(c, rows);
      if (fresh.isEmpty()) {
        return;
      }
      long budget = this.budget.of(c);
      if (INSERT.statements(fresh, budget) == 1) {
        // One statement is its own transaction in auto-commit mode: no SET autocommit before and
        // after it (the pool restores auto-commit on every connection handed back) and no
        // COMMIT, three round trips of the five a small group (single Track calls) took.
        try {
          INSERT.insert(c, fresh, budget);
        } catch (SQLIntegrityConstraintViolationException race) {
          INSERT_IGNORE.insert(c, fresh, budget);
        }
        return;
      }
      c.setAutoCommit(false);
      try {
        try {
          INSERT.insert(c, fresh, budget);
        } catch (SQLIntegrityConstraintViolationException race) {
          c.rollback();
          INSERT_IGNORE.insert(c, fresh, budget);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Binds an event's 13 values, from {@code first} on. */
  private static int bind(PreparedStatement insert, int first, EventRow row) throws SQLException {
    NewEvent e = row.event();
    int p = first;
    insert.setLong(p++, row.workspaceId());
    insert.setString(
        p++, e.subject() instanceof EventSubject.Person person ? person.cioId() : null);
    insert.setString(p++, e.subject() instanceof EventSubject.Anonymous a ? a.anonymousId() : null);
    EventSubject.CustomObject object =
        e.subject() instanceof EventSubject.CustomObject o ? o : null;
    insert.setString(p++, object == null ? null : object.objectTypeId());
    insert.setString(p++, object == null ? null : object.objectId());
    insert.setString(p++, e.dedupeId());
    insert.setString(p++, e.name());
    insert.setString(p++, e.type().wireName());
    insert.setString(p++, e.source());
    DateTimes.bind(insert, p++, e.occurredAt());
    DateTimes.bind(insert, p++, row.receivedAt());
    insert.setString(p++, row.dataJson());
    insert.setString(p++, row.contextJson());
    return p;
  }

  /** An upper bound of a row's encoded values (see {@link MultiRowInsert}). */
  private static long rowBytes(EventRow row) {
    NewEvent e = row.event();
    // The workspace id and two DATETIME literals with their quotes and separators, at most.
    long bytes = 2 * 20 + 2 * 32;
    bytes +=
        MultiRowInsert.literalBytes(
            e.subject() instanceof EventSubject.Person person ? person.cioId() : null);
    if (e.subject() instanceof EventSubject.Anonymous a) {
      bytes += MultiRowInsert.literalBytes(a.anonymousId());
    }
    if (e.subject() instanceof EventSubject.CustomObject o) {
      bytes += MultiRowInsert.literalBytes(o.objectTypeId());
      bytes += MultiRowInsert.literalBytes(o.objectId());
    }
    bytes += 3 * 4; // the subject columns left NULL, at most three
    bytes += MultiRowInsert.literalBytes(e.dedupeId());
    bytes += MultiRowInsert.literalBytes(e.name()) + MultiRowInsert.literalBytes(e.source());
    bytes += MultiRowInsert.literalBytes(e.type().wireName());
    bytes += MultiRowInsert.literalBytes(row.dataJson());
    bytes += MultiRowInsert.literalBytes(row.contextJson());
    return bytes;
  }

  /** The rows whose dedupe id is neither stored already nor repeated earlier in {@code rows}. */
  private static List<EventRow> withoutDuplicates(Connection c, List<EventRow> rows)
      throws SQLException {
    Map<Long, Set<String>> idsByWorkspace = new HashMap<>();
    for (EventRow row : rows) {
      row.event()
          .dedupe()
          .ifPresent(
              id ->
                  idsByWorkspace.computeIfAbsent(row.workspaceId(), w -> new HashSet<>()).add(id));
    }
    if (idsByWorkspace.isEmpty()) {
      return rows;
    }
    Set<String> seen = new HashSet<>();
    for (Map.Entry<Long, Set<String>> entry : idsByWorkspace.entrySet()) {
      for (String stored : stored(c, entry.getKey(), entry.getValue())) {
        seen.add(entry.getKey() + ":" + stored);
      }
    }
    List<EventRow> fresh = new ArrayList<>(rows.size());
    for (EventRow row : rows) {
      if (row.event().dedupeId() == null
          || seen.add(row.workspaceId() + ":" + row.event().dedupeId())) {
        fresh.add(row);
      }
    }
    return fresh;
  }

  private static List<String> stored(Connection c, long workspaceId, Set<String> ids)
      throws SQLException {
    String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT dedupe_id FROM events_event WHERE workspace_id = ? AND dedupe_id IN ("
                + marks
                + ")")) {
      query.setLong(1, workspaceId);
      int i = 2;
      for (String id : ids) {
        query.setString(i++, id);
      }
      List<String> found = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
      return found;
    }
  }
}
