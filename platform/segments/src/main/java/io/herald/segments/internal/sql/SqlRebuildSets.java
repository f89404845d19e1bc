package io.herald.segments.internal.sql;

import static io.herald.segments.internal.sql.SqlStatements.failed;
import static io.herald.segments.internal.sql.SqlStatements.readCommitted;

import io.herald.segments.api.condition.Condition;
import io.herald.shared.persistence.DataSources;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link RebuildSets} in plain JDBC on the non-transactional datasource: each set is written by
 * {@code INSERT … SELECT} statements in auto-commit mode and READ COMMITTED ({@link
 * SqlStatements#readCommitted}), which lock none of the rows they read. A collect that scans the
 * whole people table runs as {@code herald.segments.rebuild.collect-parallelism} statements side by
 * side, one per part of the table's key ({@link ScanParts}).
 */
@ApplicationScoped
public class SqlRebuildSets implements RebuildSets {

  /** The fewest keys a part of a split scan reads: below that, one statement is quick anyway. */
  static final long MIN_PART = 100_000;

  /**
   * The fewest objects a part of a split relationship read reads on average: the read costs a
   * lookup per relationship of the type's objects, so a type with few objects is read at once.
   */
  static final long MIN_OBJECT_PART = 1_000;

  /** The most parts a scan is split into (more than the server's cores only queue on it). */
  static final int MAX_PARALLELISM = 32;

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  /** Checked at start by the real-time settings, which read the same key. */
  @Inject
  @ConfigProperty(name = "herald.segments.rebuild.collect-parallelism", defaultValue = "2")
  int parallelism;

  private final SqlStatements statements;

  private final long minPart;

  /** Whether a scan is split whatever the server's plan (tests). */
  private final boolean anyPlan;

  /** Runs the parts of a split scan but the first (which the caller's thread runs). */
  private ExecutorService parts;

  /** For CDI. */
  SqlRebuildSets() {
    this.statements = new SqlStatements();
    this.minPart = MIN_PART;
    this.anyPlan = false;
  }

  /** On {@code dataSource}, writing the server's dialect, one statement per set. */
  SqlRebuildSets(DataSource dataSource) {
    this(dataSource, new SqlStatements(), 1, MIN_PART, false);
  }

  /** As above, writing {@code dialect}'s SQL whatever the server is (tests). */
  SqlRebuildSets(DataSource dataSource, Dialect dialect) {
    this(dataSource, new SqlStatements(dialect), 1, MIN_PART, false);
  }

  /**
   * On {@code dataSource}, scanning the people of any workspace wider than {@code parallelism} keys
   * in {@code parallelism} parts, whatever the server's plan (tests: {@link #close} stops the
   * parts' threads).
   */
  SqlRebuildSets(DataSource dataSource, int parallelism) {
    this(dataSource, new SqlStatements(), parallelism, 1, true);
    if (parallelism > 1) {
      this.parts =
          Executors.newFixedThreadPool(
              parallelism - 1,
              r -> {
                Thread t = new Thread(r, "collect part");
                t.setDaemon(true);
                return t;
              });
    }
  }

  private SqlRebuildSets(
      DataSource dataSource,
      SqlStatements statements,
      int parallelism,
      long minPart,
      boolean anyPlan) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.statements = statements;
    this.parallelism = requireParallelism(parallelism);
    this.minPart = minPart;
    this.anyPlan = anyPlan;
  }

  /** {@code parallelism} when it is a valid {@code herald.segments.rebuild.collect-parallelism}. */
  public static int requireParallelism(int parallelism) {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "herald.segments.rebuild.collect-parallelism must be between 1 and "
              + MAX_PARALLELISM
              + ", not "
              + parallelism);
    }
    return parallelism;
  }

  @PostConstruct
  void start() {
    requireParallelism(parallelism);
    if (parallelism > 1) {
      parts = Executors.newFixedThreadPool(parallelism - 1, threads);
    }
  }

  @PreDestroy
  void close() {
    if (parts != null) {
      parts.shutdownNow();
    }
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
      if (candidates.isPresent() && candidates.get().related().isPresent() && parts != null) {
        List<SqlFragment> pieces =
            relatedInParts(c, compiler, workspace, insert.build(), where, candidates.get());
        if (pieces.size() > 1) {
          return inParts(c, pieces);
        }
      }
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
        return readCommitted(c, insert.build());
      }
      SqlFragment select =
          new SqlFragment.Builder()
              .sql("SELECT p.cio_id FROM people_person p WHERE p.workspace_id = ")
              .param(workspace.value())
              .sql(" AND ")
              .fragment(where)
              .build();
      ScanParts scan =
          parts == null
              ? ScanParts.WHOLE
              : ScanParts.of(c, select, workspace.value(), parallelism, minPart, anyPlan);
      if (scan.count() == 1) {
        insert.sql(" FROM people_person p WHERE p.workspace_id = ").param(workspace.value());
        return readCommitted(c, insert.sql(" AND ").fragment(where).build());
      }
      List<SqlFragment> pieces = new ArrayList<>();
      SqlFragment head = insert.build();
      for (int i = 0; i < scan.count(); i++) {
        SqlFragment.Builder part =
            new SqlFragment.Builder()
                .fragment(head)
                // The plan scans the table; a key range alone would lead it to the (workspace_id,
                // id) index and a lookup per row.
                .sql(" FROM people_person p FORCE INDEX (PRIMARY) WHERE p.workspace_id = ")
                .param(workspace.value());
        pieces.add(scan.part(i, part).sql(" AND ").fragment(where).build());
      }
      return inParts(c, pieces);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * The collect of {@code candidates}, a relationship leaf's people (alone or as the cheapest
   * member of an AND), as statements that each read the relationships of one part of the type's
   * objects: the lookups of the relationships' rows, for their attributes, are most of such a read,
   * and a statement runs on one of the server's cores. One statement when the type has too few
   * objects.
   *
   * <p>A person related to objects of two parts is found by both. {@code INSERT IGNORE} keeps one
   * row, and each part inserts in key order: a part that meets a row another part has just inserted
   * waits for that statement to end (its insert is the short end of it, after the read), and key
   * order rules out two parts each waiting for the other.
   */
  private List<SqlFragment> relatedInParts(
      Connection c,
      ConditionSqlCompiler compiler,
      WorkspaceId workspace,
      SqlFragment head,
      SqlFragment where,
      CandidateSql.Candidates candidates)
      throws SQLException {
    Integer typeId =
        ConditionSqlCompiler.canonicalInt(candidates.related().orElseThrow().objectTypeId());
    if (typeId == null) {
      return List.of();
    }
    ScanParts objects =
        ScanParts.objects(c, workspace.value(), typeId, parallelism, anyPlan ? 1 : MIN_OBJECT_PART);
    CandidateSql candidateSql = new CandidateSql(compiler, workspace.value());
    List<SqlFragment> pieces = new ArrayList<>();
    for (int i = 0; i < objects.count(); i++) {
      SqlFragment.Builder piece =
          new SqlFragment.Builder()
              .fragment(head)
              .sql(" FROM (")
              .fragment(candidateSql.relationship(candidates.related().get(), objects, i))
              .sql(") d STRAIGHT_JOIN people_person p ON p.workspace_id = ")
              .param(workspace.value())
              .sql(" AND p.cio_id = d.cio_id");
      if (!candidates.exact()) {
        piece.sql(" WHERE ").fragment(where);
      }
      pieces.add(piece.sql(" ORDER BY p.cio_id").build());
    }
    return pieces;
  }

  /**
   * Runs the first statement on {@code c} and the others side by side on connections of their own;
   * the rows all of them wrote, once all have ended. A failure fails the collect (its run's rows
   * are dropped when the rebuild starts it again).
   */
  private long inParts(Connection c, List<SqlFragment> pieces) throws SQLException {
    List<Future<Long>> others = new ArrayList<>();
    for (SqlFragment piece : pieces.subList(1, pieces.size())) {
      others.add(
          parts.submit(
              () -> {
                try (Connection own = dataSource.getConnection()) {
                  return readCommitted(own, piece);
                }
              }));
    }
    try {
      long written = readCommitted(c, pieces.get(0));
      for (Future<Long> other : others) {
        written += other.get();
      }
      return written;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException("segment query failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("collect interrupted", e);
    } finally {
      // After a failure the others may still run: they write only this run's rows, which the
      // rebuild drops when it starts the collect again.
      others.forEach(f -> f.cancel(true));
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
