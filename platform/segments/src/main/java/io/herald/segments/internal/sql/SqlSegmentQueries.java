package io.herald.segments.internal.sql;

import static io.herald.segments.internal.sql.SqlStatements.PEOPLE;
import static io.herald.segments.internal.sql.SqlStatements.failed;
import static io.herald.segments.internal.sql.SqlStatements.prepare;
import static io.herald.segments.internal.sql.SqlStatements.workspaceZones;

import io.herald.segments.api.condition.Condition;
import io.herald.shared.persistence.DataSources;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@link SegmentQueries} in plain JDBC on the non-transactional datasource: each statement reads
 * its own consistent snapshot and holds no locks. People are walked in key order on {@code
 * ix_people_person_recent (workspace_id, id)}.
 *
 * <p>When the tree reads calendar days in the person's zone ({@link
 * ConditionSqlCompiler#needsPersonZones}), the time zones people name are read first and the
 * compiler computes each zone's day bounds in Java (the server's time zone tables are not needed):
 * for {@link #count} the distinct {@code timezone} texts of the workspace; for {@link #verdicts}
 * those of the page, whose last key then bounds the main query; {@link #batch} walks the workspace
 * in such pages until it has found {@code limit} people. A person whose {@code timezone} changes to
 * a zone no one had between the two statements is read in the workspace's zone by that one query;
 * the change itself makes the in-memory evaluator re-check that person.
 */
@ApplicationScoped
public class SqlSegmentQueries implements SegmentQueries {

  /** People read per page when a batch must first look up their time zones. */
  private static final int ZONE_PAGE = 1000;

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  private final int zonePage;

  private final SqlStatements statements;

  /** For CDI. */
  SqlSegmentQueries() {
    this.zonePage = ZONE_PAGE;
    this.statements = new SqlStatements();
  }

  /**
   * On {@code dataSource}, reading at least {@code zonePage} people per page when a batch must look
   * up their time zones first.
   */
  SqlSegmentQueries(DataSource dataSource, int zonePage) {
    this(dataSource, zonePage, new SqlStatements());
  }

  /** As above, writing {@code dialect}'s SQL whatever the server is (tests). */
  SqlSegmentQueries(DataSource dataSource, int zonePage, Dialect dialect) {
    this(dataSource, zonePage, new SqlStatements(dialect));
  }

  private SqlSegmentQueries(DataSource dataSource, int zonePage, SqlStatements statements) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.zonePage = zonePage;
    this.statements = statements;
  }

  private Dialect dialect(Connection c) throws SQLException {
    return statements.dialect(c);
  }

  @Override
  public long count(WorkspaceId workspace, Condition condition, Instant now, ZoneId workspaceZone) {
    try (Connection c = dataSource.getConnection()) {
      SqlFragment where =
          new ConditionSqlCompiler(
                  now, workspaceZone, workspaceZones(c, condition, workspace), dialect(c))
              .compile(condition);
      SqlFragment query =
          new SqlFragment.Builder()
              .sql("SELECT COUNT(*)" + PEOPLE)
              .param(workspace.value())
              .sql(" AND ")
              .fragment(where)
              .build();
      try (PreparedStatement s = prepare(c, query);
          ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public List<Match> batch(
      WorkspaceId workspace,
      Condition condition,
      Instant now,
      ZoneId workspaceZone,
      long afterKey,
      int limit) {
    requirePositive(limit);
    try (Connection c = dataSource.getConnection()) {
      if (!ConditionSqlCompiler.needsPersonZones(condition)) {
        SqlFragment where =
            new ConditionSqlCompiler(now, workspaceZone, PersonZones.NONE, dialect(c))
                .compile(condition);
        return matches(c, workspace, where, afterKey, Long.MAX_VALUE, limit);
      }
      List<Match> found = new ArrayList<>();
      long after = afterKey;
      int pageSize = Math.max(limit, zonePage);
      while (found.size() < limit) {
        Page page = page(c, workspace, after, pageSize);
        if (page.size() == 0) {
          break;
        }
        SqlFragment where =
            new ConditionSqlCompiler(now, workspaceZone, page.zones(), dialect(c))
                .compile(condition);
        found.addAll(matches(c, workspace, where, after, page.lastKey(), limit - found.size()));
        after = page.lastKey();
        if (page.size() < pageSize) {
          break;
        }
      }
      return List.copyOf(found);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public List<Verdict> verdicts(
      WorkspaceId workspace,
      Condition condition,
      Instant now,
      ZoneId workspaceZone,
      long afterKey,
      int limit) {
    requirePositive(limit);
    try (Connection c = dataSource.getConnection()) {
      PersonZones zones = PersonZones.NONE;
      long lastKey = Long.MAX_VALUE;
      if (ConditionSqlCompiler.needsPersonZones(condition)) {
        Page page = page(c, workspace, afterKey, limit);
        if (page.size() == 0) {
          return List.of();
        }
        zones = page.zones();
        lastKey = page.lastKey();
      }
      SqlFragment where =
          new ConditionSqlCompiler(now, workspaceZone, zones, dialect(c)).compile(condition);
      SqlFragment query =
          new SqlFragment.Builder()
              .sql("SELECT p.id, p.cio_id, ")
              .fragment(where)
              .sql(PEOPLE)
              .param(workspace.value())
              .sql(" AND p.id > ")
              .param(afterKey)
              .sql(" AND p.id <= ")
              .param(lastKey)
              .sql(" ORDER BY p.id LIMIT ")
              .param(limit)
              .build();
      List<Verdict> verdicts = new ArrayList<>();
      try (PreparedStatement s = prepare(c, query);
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          verdicts.add(new Verdict(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
        }
      }
      return List.copyOf(verdicts);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Matching people with {@code after < key <= through}, at most {@code limit}. */
  private static List<Match> matches(
      Connection c, WorkspaceId workspace, SqlFragment where, long after, long through, int limit)
      throws SQLException {
    SqlFragment query =
        new SqlFragment.Builder()
            .sql("SELECT p.id, p.cio_id")
            .sql(PEOPLE)
            .param(workspace.value())
            .sql(" AND p.id > ")
            .param(after)
            .sql(" AND p.id <= ")
            .param(through)
            .sql(" AND ")
            .fragment(where)
            .sql(" ORDER BY p.id LIMIT ")
            .param(limit)
            .build();
    List<Match> found = new ArrayList<>();
    try (PreparedStatement s = prepare(c, query);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        found.add(new Match(rs.getLong(1), rs.getString(2)));
      }
    }
    return found;
  }

  /**
   * The next {@code limit} people after {@code after}: how many, the last key, and the valid zones
   * they name.
   */
  private record Page(int size, long lastKey, PersonZones zones) {}

  private static Page page(Connection c, WorkspaceId workspace, long after, int limit)
      throws SQLException {
    SqlFragment query =
        new SqlFragment.Builder()
            .sql("SELECT p.id, " + PersonZones.TEXT_SQL)
            .sql(PEOPLE)
            .param(workspace.value())
            .sql(" AND p.id > ")
            .param(after)
            .sql(" ORDER BY p.id LIMIT ")
            .param(limit)
            .build();
    int size = 0;
    long last = after;
    Set<String> names = new HashSet<>();
    try (PreparedStatement s = prepare(c, query);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        size++;
        last = rs.getLong(1);
        String name = rs.getString(2);
        if (name != null) {
          names.add(name);
        }
      }
    }
    return new Page(size, last, PersonZones.of(names));
  }

  private static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + limit);
    }
  }
}
