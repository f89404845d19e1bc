package io.herald.segments.internal.sql;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The candidates of a condition tree: one query ({@code SELECT … AS cio_id …}) returning a superset
 * of the people who can match, read from the table of a leaf every match needs, when there is one.
 * A whole-segment computation then joins the candidates to {@code people_person} and checks the
 * compiled tree on them only, instead of on every person of the workspace ("purchased twice in 30
 * days" reads the purchases of the window, not a million people), or not at all when the candidates
 * are exactly the matches: a segment, relationship or device leaf, an event or engagement leaf
 * counted "at least N" with N ≥ 1, a union of such.
 *
 * <ul>
 *   <li>a segment leaf: the members of that segment;
 *   <li>a relationship leaf: the people related to an object of the type that passes the filters;
 *   <li>a device leaf: the people with a device that passes it;
 *   <li>an event or engagement leaf that needs at least one row (performed at least or exactly N
 *       times, N ≥ 1): the people with at least N rows in the window that pass the filters;
 *   <li>AND: the cheapest of its members' candidates (any one of them bounds the result);
 *   <li>OR: the union of its members' candidates, when every member has some;
 *   <li>NOT, attribute leaves, and leaves a person without rows can match (never performed, at most
 *       N times): none, so the tree is checked on everyone.
 * </ul>
 */
final class CandidateSql {

  /**
   * A candidates query, a rough cost to choose among the members of an AND, and whether its people
   * are exactly the tree's matches (among the workspace's people): then the tree need not be
   * checked on them again. {@code related} is the relationship leaf whose rows the query reads,
   * when it reads one leaf's only: it can then be read in parts of the related objects' keys
   * ({@link #relationship(RelationshipCondition, ScanParts, int)}).
   */
  record Candidates(
      SqlFragment query, int cost, boolean exact, Optional<RelationshipCondition> related) {

    Candidates(SqlFragment query, int cost, boolean exact) {
      this(query, cost, exact, Optional.empty());
    }

    /** The same query, no longer exact (another member of an AND may still rule someone out). */
    Candidates inexact() {
      return new Candidates(query, cost, false, related);
    }
  }

  /**
   * The events of one name, by time: without the hint the optimizer may walk the person index for
   * the GROUP BY and read every event of the workspace through it (96 s instead of 0.5 s on
   * 5,000,000 events).
   */
  static final String BY_NAME = "FORCE INDEX (ix_events_event_name)";

  private final ConditionSqlCompiler compiler;
  private final long workspaceId;

  CandidateSql(ConditionSqlCompiler compiler, long workspaceId) {
    this.compiler = Objects.requireNonNull(compiler, "compiler");
    this.workspaceId = workspaceId;
  }

  /** The candidates of {@code condition}, or empty when everyone must be checked. */
  Optional<Candidates> of(Condition condition) {
    if (condition instanceof All all) {
      Optional<Candidates> cheapest =
          all.conditions().stream()
              .map(this::of)
              .flatMap(Optional::stream)
              .min(Comparator.comparingInt(Candidates::cost));
      // Another member may still rule someone out, unless there is none.
      return all.conditions().size() == 1 ? cheapest : cheapest.map(Candidates::inexact);
    } else if (condition instanceof Any any) {
      return union(any.conditions());
    } else if (condition instanceof SegmentCondition segment) {
      return Optional.of(
          new Candidates(
              new SqlFragment.Builder()
                  .sql("SELECT m.cio_id AS cio_id FROM segments_membership m WHERE m.segment_id = ")
                  .param(segment.segmentId())
                  .sql(" AND m.workspace_id = ")
                  .param(workspaceId)
                  .build(),
              1,
              true));
    } else if (condition instanceof RelationshipCondition relationship) {
      return Optional.of(
          new Candidates(
              relationship(relationship, ScanParts.WHOLE, 0), 2, true, Optional.of(relationship)));
    } else if (condition instanceof DeviceCondition device) {
      SqlFragment.Builder sql =
          new SqlFragment.Builder()
              .sql(
                  "SELECT DISTINCT dp.cio_id AS cio_id FROM people_device d"
                      + " JOIN people_person dp ON dp.id = d.person_id WHERE d.workspace_id = ")
              .param(workspaceId);
      ConditionSqlCompiler.deviceRows(sql, device);
      return Optional.of(new Candidates(sql.build(), 2, true));
    } else if (condition instanceof EngagementCondition engagement) {
      int least = leastRows(engagement.count());
      if (least == 0) {
        return Optional.empty();
      }
      SqlFragment.Builder sql =
          new SqlFragment.Builder()
              .sql("SELECT g.cio_id AS cio_id FROM segments_engagement g WHERE g.workspace_id = ")
              .param(workspaceId);
      compiler.engagementRows(sql, engagement);
      return Optional.of(
          new Candidates(grouped(sql, "g.cio_id", least), 3, atLeast(engagement.count())));
    } else if (condition instanceof EventCondition event) {
      int least = event.performed() ? leastRows(event.count()) : 0;
      if (least == 0) {
        return Optional.empty();
      }
      SqlFragment.Builder sql =
          new SqlFragment.Builder()
              .sql("SELECT e.person_cio_id AS cio_id FROM events_event e " + BY_NAME)
              .sql(personFor(event, "e.workspace_id", "e.person_cio_id"))
              .sql(" WHERE e.workspace_id = ")
              .param(workspaceId)
              .sql(" AND e.name = ")
              .param(event.name())
              .sql(" AND e.person_cio_id IS NOT NULL");
      compiler.eventRows(sql, event);
      return Optional.of(
          new Candidates(grouped(sql, "e.person_cio_id", least), 4, atLeast(event.count())));
    }
    return Optional.empty();
  }

  /**
   * The people related to an object of the leaf's type that passes its filters, among the objects
   * of part {@code index} of {@code parts} (their keys, {@code objects_object.id}): two parts may
   * both find a person related to objects in each.
   */
  SqlFragment relationship(RelationshipCondition leaf, ScanParts parts, int index) {
    SqlFragment.Builder sql =
        new SqlFragment.Builder()
            .sql(
                "SELECT DISTINCT r.person_cio_id AS cio_id FROM objects_person_relationship r"
                    + " JOIN objects_object o ON o.id = r.object_pk"
                    + personFor(leaf, "r.workspace_id", "r.person_cio_id")
                    + " WHERE r.workspace_id = ")
            .param(workspaceId);
    compiler.relationshipRows(sql, leaf);
    return parts.part(index, "o.id", sql).build();
  }

  private Optional<Candidates> union(List<Condition> members) {
    if (members.isEmpty()) {
      return Optional.of(
          new Candidates(
              new SqlFragment.Builder().sql("SELECT NULL AS cio_id FROM DUAL WHERE FALSE").build(),
              0,
              true));
    }
    List<Candidates> parts = new ArrayList<>();
    for (Condition member : members) {
      Optional<Candidates> candidates = of(member);
      if (candidates.isEmpty()) {
        return Optional.empty();
      }
      parts.add(candidates.get());
    }
    SqlFragment.Builder sql = new SqlFragment.Builder();
    int cost = 0;
    boolean exact = parts.stream().allMatch(Candidates::exact);
    for (int i = 0; i < parts.size(); i++) {
      sql.sql(i == 0 ? "SELECT u0.cio_id FROM (" : " UNION SELECT u" + i + ".cio_id FROM (")
          .fragment(parts.get(i).query())
          .sql(") u" + i);
      cost += parts.get(i).cost();
    }
    return Optional.of(new Candidates(sql.build(), cost, exact));
  }

  /**
   * A join to the person's row as {@code p}, when the leaf's filters compare days in the person's
   * time zone (read from {@code p.attributes}); nothing otherwise.
   */
  static String personFor(Condition leaf, String workspaceColumn, String personColumn) {
    return ConditionSqlCompiler.needsPersonZones(leaf)
        ? " JOIN people_person p ON p.workspace_id = "
            + workspaceColumn
            + " AND p.cio_id = "
            + personColumn
        : "";
  }

  /** {@code GROUP BY} the person, keeping those with at least {@code least} rows. */
  private static SqlFragment grouped(SqlFragment.Builder sql, String person, int least) {
    sql.sql(" GROUP BY " + person);
    if (least > 1) {
      sql.sql(" HAVING COUNT(*) >= ").param(least);
    }
    return sql.build();
  }

  /**
   * Whether the people with at least {@link #leastRows} rows are exactly those satisfying {@code
   * count} (not for "exactly N": some of them have more).
   */
  private static boolean atLeast(Count count) {
    return count.comparison() == Count.Comparison.AT_LEAST;
  }

  /** The fewest rows a person needs to satisfy {@code count} (0: people without rows can). */
  private static int leastRows(Count count) {
    return switch (count.comparison()) {
      case AT_LEAST, EXACTLY -> count.times();
      case AT_MOST -> 0;
    };
  }
}
