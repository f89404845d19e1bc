package io.herald.people.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import io.herald.shared.persistence.MultiRowInsert;
import io.herald.shared.persistence.StatementBudget;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@code people_person} in plain JDBC, for the identify group ({@link IdentifyGroup}): it reads,
 * inserts and updates every person of a group at once, on the JTA datasource (so in the group's
 * transaction). Through EclipseLink, building the entities of the group's read and working out and
 * flushing their changes took a fifth of an identify's request thread (bench/ingest README).
 *
 * <p>Updates check the row's version as the entity's {@code @Version} does, and throw {@link
 * OptimisticLockException} when another transaction changed the person first: the people service
 * then retries the group.
 */
@ApplicationScoped
public class PersonTable {

  /** Statements per UPDATE batch, at most: see {@link #updateAll}. */
  static final int UPDATES_PER_BATCH = 16;

  /** Values per IN list of a bulk lookup. */
  private static final int LOOKUP_CHUNK = 500;

  private static final String SELECT =
      "SELECT id, version, workspace_id, cio_id, customer_id, email, email_key, phone, phone_e164,"
          + " attributes, attribute_timestamps, unsubscribed, created_at, updated_at"
          + " FROM people_person WHERE workspace_id = ? AND ";

  private static final MultiRowInsert<Person.Columns> INSERT =
      new MultiRowInsert<>(
          "INSERT INTO people_person (workspace_id, cio_id, customer_id, email, email_key, phone,"
              + " phone_e164, attributes, attribute_timestamps, unsubscribed, created_at,"
              + " updated_at, version)",
          13,
          256,
          PersonTable::rowBytes,
          PersonTable::bindInsert);

  /** An update that changes an identifier too. */
  private static final String UPDATE =
      "UPDATE people_person SET customer_id = ?, email = ?, email_key = ?, phone = ?,"
          + " phone_e164 = ?, attributes = ?, attribute_timestamps = ?, unsubscribed = ?,"
          + " updated_at = ?, version = version + 1"
          + " WHERE id = ? AND version = ?";

  /**
   * An update that leaves the identifiers as they are: nearly every identify. Rewriting them cost
   * MariaDB 7–27% more CPU per row (bench/ingest README, 2026-12-07) and Connector/J their
   * escaping.
   */
  private static final String UPDATE_ATTRIBUTES =
      "UPDATE people_person SET attributes = ?, attribute_timestamps = ?, unsubscribed = ?,"
          + " updated_at = ?, version = version + 1"
          + " WHERE id = ? AND version = ?";

  @Resource(lookup = DataSources.TRANSACTIONAL)
  DataSource dataSource;

  /** Bytes one insert statement's values may take, read from the server once. */
  private final StatementBudget budget = new StatementBudget();

  /** A person as read, with the version its row had. */
  record Row(Person person, long version) {}

  /**
   * A person to update: its row id, its columns as its row has them and now, and the version its
   * row had when read or last written.
   */
  record Update(long id, Person.Columns stored, Person.Columns columns, long version) {
    /** Whether the update changes an identifier, or only attributes and flags. */
    boolean identifiersChanged() {
      return !Objects.equals(stored.customerId(), columns.customerId())
          || !Objects.equals(stored.email(), columns.email())
          || !Objects.equals(stored.emailKey(), columns.emailKey())
          || !Objects.equals(stored.phone(), columns.phone())
          || !Objects.equals(stored.phoneE164(), columns.phoneE164());
    }
  }

  /** Binds one update's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement, Update update) throws SQLException;
  }

  /** A connection of the caller's transaction; closing it hands it back. */
  Connection connection() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException("people unreachable: " + e.getMessage(), e);
    }
  }

  /**
   * Bytes one multi-row insert's values may take on this server ({@link MultiRowInsert#budget}).
   */
  long budget(Connection c) {
    try {
      return budget.of(c);
    } catch (SQLException e) {
      throw new IllegalStateException("people unreachable: " + e.getMessage(), e);
    }
  }

  /** The people whose {@code type} identifier is one of {@code keys} (emails lower-cased). */
  List<Row> findAll(Connection c, long workspaceId, IdType type, Collection<String> keys) {
    List<Row> rows = new ArrayList<>();
    List<String> all = List.copyOf(keys);
    for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
      read(
          c,
          SELECT
              + column(type)
              + " IN ("
              + String.join(",", Collections.nCopies(chunk.size(), "?"))
              + ")",
          workspaceId,
          chunk,
          rows);
    }
    return rows;
  }

  /** The person {@code ref} names: the first by row id if several share a phone number. */
  List<Row> find(Connection c, long workspaceId, PersonRef ref) {
    String value = ref.type() == IdType.EMAIL ? Person.emailKey(ref.value()) : ref.value();
    List<Row> rows = new ArrayList<>(1);
    read(
        c,
        SELECT + column(ref.type()) + " = ? ORDER BY id LIMIT 1",
        workspaceId,
        List.of(value),
        rows);
    return rows;
  }

  private static void read(
      Connection c, String sql, long workspaceId, List<String> values, List<Row> into) {
    try (PreparedStatement query = c.prepareStatement(sql)) {
      query.setLong(1, workspaceId);
      for (int i = 0; i < values.size(); i++) {
        query.setString(i + 2, values.get(i));
      }
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Person.Columns columns =
              new Person.Columns(
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11),
                  rs.getBoolean(12),
                  DateTimes.instant(rs.getObject(13)),
                  DateTimes.instant(rs.getObject(14)));
          into.add(new Row(Person.stored(rs.getLong(1), columns), rs.getLong(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("people unreadable: " + e.getMessage(), e);
    }
  }

  /** Inserts new people, with version 0, a few hundred per statement. */
  void insertAll(Connection c, List<Person.Columns> people) {
    if (people.isEmpty()) {
      return;
    }
    try {
      INSERT.insert(c, people, budget(c));
    } catch (SQLException e) {
      throw new IllegalStateException("people not stored: " + e.getMessage(), e);
    }
  }

  private static long rowBytes(Person.Columns p) {
    return 80
        + MultiRowInsert.literalBytes(p.cioId())
        + MultiRowInsert.literalBytes(p.customerId())
        + MultiRowInsert.literalBytes(p.email())
        + MultiRowInsert.literalBytes(p.emailKey())
        + MultiRowInsert.literalBytes(p.phone())
        + MultiRowInsert.literalBytes(p.phoneE164())
        + MultiRowInsert.literalBytes(p.attributes())
        + MultiRowInsert.literalBytes(p.attributeTimestamps());
  }

  private static int bindInsert(PreparedStatement s, int first, Person.Columns p)
      throws SQLException {
    s.setLong(first, p.workspaceId());
    s.setString(first + 1, p.cioId());
    identity(s, first + 2, p);
    s.setString(first + 7, p.attributes());
    s.setString(first + 8, p.attributeTimestamps());
    s.setBoolean(first + 9, p.unsubscribed());
    DateTimes.bind(s, first + 10, p.createdAt());
    DateTimes.bind(s, first + 11, p.updatedAt());
    s.setLong(first + 12, 0);
    return first + 13;
  }

  /**
   * Writes changed people as JDBC batches of up to {@value #UPDATES_PER_BATCH}, each one
   * multi-statement command, each statement only if its row still has the version given. Updates
   * that change an identifier go first, in the order given (one may free an identifier a later one
   * takes); the others, which touch no unique key, then write only attributes and flags.
   *
   * <p>The driver prepares a batch's command text anew for each batch size; the transactional
   * pool's statement cache ({@code prepStmtCacheSqlLimit}, {@code StartupSequence}) keeps the texts
   * of up to {@value #UPDATES_PER_BATCH} statements, so each size is parsed once per connection.
   * One batch of a whole group (up to 64 statements at T2's 64 connections) was a new text of up to
   * 20 KB to parse for almost every group: 40% of this method's CPU (bench/ingest README).
   *
   * @throws OptimisticLockException if another transaction changed or deleted one of them first
   */
  void updateAll(Connection c, List<Update> people) {
    List<Update> identified = new ArrayList<>();
    List<Update> attributesOnly = new ArrayList<>(people.size());
    for (Update u : people) {
      (u.identifiersChanged() ? identified : attributesOnly).add(u);
    }
    updateAll(c, UPDATE, identified, PersonTable::bindUpdate);
    updateAll(c, UPDATE_ATTRIBUTES, attributesOnly, PersonTable::bindAttributesUpdate);
  }

  private static void updateAll(Connection c, String sql, List<Update> people, Binder binder) {
    for (int from = 0; from < people.size(); from += UPDATES_PER_BATCH) {
      List<Update> batch = people.subList(from, Math.min(people.size(), from + UPDATES_PER_BATCH));
      int[] counts;
      try (PreparedStatement update = c.prepareStatement(sql)) {
        for (Update u : batch) {
          binder.bind(update, u);
          update.addBatch();
        }
        counts = update.executeBatch();
      } catch (SQLException e) {
        throw new IllegalStateException("people not stored: " + e.getMessage(), e);
      }
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          throw new OptimisticLockException(
              "person " + batch.get(i).columns().cioId() + " was changed by another transaction");
        }
      }
    }
  }

  private static void bindUpdate(PreparedStatement s, Update u) throws SQLException {
    identity(s, 1, u.columns());
    bindAttributes(s, 6, u);
  }

  private static void bindAttributesUpdate(PreparedStatement s, Update u) throws SQLException {
    bindAttributes(s, 1, u);
  }

  /** attributes, attribute_timestamps, unsubscribed, updated_at, then the row's id and version. */
  private static void bindAttributes(PreparedStatement s, int index, Update u) throws SQLException {
    Person.Columns p = u.columns();
    s.setString(index, p.attributes());
    s.setString(index + 1, p.attributeTimestamps());
    s.setBoolean(index + 2, p.unsubscribed());
    DateTimes.bind(s, index + 3, p.updatedAt());
    s.setLong(index + 4, u.id());
    s.setLong(index + 5, u.version());
  }

  /** customer_id, email, email_key, phone, phone_e164 from {@code index} on. */
  private static void identity(PreparedStatement s, int index, Person.Columns p)
      throws SQLException {
    string(s, index, p.customerId());
    string(s, index + 1, p.email());
    string(s, index + 2, p.emailKey());
    string(s, index + 3, p.phone());
    string(s, index + 4, p.phoneE164());
  }

  private static void string(PreparedStatement s, int index, String value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.VARCHAR);
    } else {
      s.setString(index, value);
    }
  }

  static String column(IdType type) {
    return switch (type) {
      case ID -> "customer_id";
      case EMAIL -> "email_key";
      case CIO_ID -> "cio_id";
      case PHONE -> "phone";
    };
  }
}
