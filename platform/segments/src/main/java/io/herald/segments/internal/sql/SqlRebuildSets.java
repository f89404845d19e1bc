package io.herald.segments.internal.sql;

import static io.herald.segments.internal.sql.SqlStatements.failed;
import static io.herald.segments.internal.sql.SqlStatements.readCommitted;

import io.herald.segments.api.condition.Condition;
import io.herald.shared.persistence.DataSources;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link RebuildSets} in plain JDBC on the non-transactional datasource: each set is written by
 * {@code INSERT … SELECT} statements in auto-commit mode and READ COMMITTED ({@link
 * SqlStatements#readCommitted}), which lock none of the rows they read.
 */
@ApplicationScoped
public class SqlRebuildSets implements RebuildSets {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  private final SqlStatements statements;

  /** For CDI. */
  SqlRebuildSets() {
    this.statements = new SqlStatements();
  }

  /** On {@code dataSource}, writing the server's dialect. */
  SqlRebuildSets(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.statements = new SqlStatements();
  }

  /** As above, writing {@code dialect}'s SQL whatever the server is (tests). */
  SqlRebuildSets(DataSource dataSource, Dialect dialect) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.statements = new SqlStatements(dialect);
  }

  @Override
  public long collect(
      WorkspaceId workspace,
      Condition condition,
      Instant now,
      ZoneId workspaceZone,
      long segmentId,
      long run) {
    try (Connection c = dataSource.getConnection()) {
      ConditionSqlCompiler compiler =
          new ConditionSqlCompiler(
              now,
              workspaceZone,
              SqlStatements.workspaceZones(c, condition, workspace),
              statements.dialect(c));
      SqlFragment where = compiler.compile(condition);
      SqlFragment.Builder insert =
          new SqlFragment.Builder()
              .sql("INSERT IGNORE INTO segments_rebuild_match (segment_id, run, cio_id) SELECT ")
              .param(segmentId)
              .sql(", ")
              .param(run)
              .sql(", p.cio_id");
      Optional<CandidateSql.Candidates> candidates =
          new CandidateSql(compiler, workspace.value()).of(condition);
      if (candidates.isPresent()) {
        insert
            .sql(" FROM (")
            .fragment(candidates.get().query())
            .sql(") d STRAIGHT_JOIN people_person p ON p.workspace_id = ")
            .param(workspace.value())
            .sql(" AND p.cio_id = d.cio_id");
        if (!candidates.get().exact()) {
          insert.sql(" WHERE ").fragment(where);
        }
      } else {
        insert.sql(" FROM people_person p WHERE p.workspace_id = ").param(workspace.value());
        insert.sql(" AND ").fragment(where);
      }
      return readCommitted(c, insert.build());
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long timers(
      WorkspaceId workspace,
      Condition condition,
      Instant now,
      ZoneId workspaceZone,
      long segmentId,
      long run) {
    try (Connection c = dataSource.getConnection()) {
      ConditionSqlCompiler compiler =
          new ConditionSqlCompiler(now, workspaceZone, PersonZones.NONE, statements.dialect(c));
      long written = 0;
      for (SqlFragment query : new TimerSql(compiler, workspace.value(), now).of(condition)) {
        written +=
            readCommitted(
                c,
                new SqlFragment.Builder()
                    .sql("INSERT INTO segments_rebuild_timer (segment_id, run, cio_id, due_at)")
                    .sql(" SELECT ")
                    .param(segmentId)
                    .sql(", ")
                    .param(run)
                    .sql(", t.cio_id, t.due FROM (")
                    .fragment(query)
                    .sql(") t ON DUPLICATE KEY UPDATE due_at = LEAST(due_at, VALUES(due_at))")
                    .build());
      }
      return written;
    } catch (SQLException e) {
      throw failed(e);
    }
  }
}
