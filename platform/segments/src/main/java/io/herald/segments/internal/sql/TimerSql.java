package io.herald.segments.internal.sql;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.Window;
import io.herald.shared.persistence.DateTimes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * When time alone can change a person's result for a condition tree, as queries ({@code SELECT … AS
 * cio_id, … AS due …}): for every leaf whose truth moves with the clock, the people for whom it can
 * still move, each with a time no later than the first moment it can (a lower bound: the re-check
 * evaluates the person in memory and sets the exact time of the next change). People a query leaves
 * out cannot change on their own through that leaf; a tree changes only when a leaf does.
 *
 * <ul>
 *   <li>event and engagement leaves counted in the last N minutes/hours/days: people with rows
 *       after the window's start; a row in the window leaves it at {@code occurred_at + window}, a
 *       row in the future enters it at {@code occurred_at};
 *   <li>attributes within the last N days: a date from N + 1 days ago on (older ones have left for
 *       good), due on the date when it is in the future (it enters then), else N days after it (it
 *       leaves at a local midnight after that), less three hours for the zone's offset changes;
 *   <li>attributes within the next N days: a date from now on (older ones have left for good), due
 *       on the date for members (they leave after it), else N + 1 days and three hours before it;
 *   <li>event, relationship and object filters within the last or next N days: everyone with such
 *       rows, due now.
 * </ul>
 *
 * Other leaves (fixed dates, windows between two dates, "ever") do not move with the clock.
 */
final class TimerSql {

  private static final long DAY = 86_400;

  /**
   * How far n local days may be from n times 24 hours: a zone's offset changes by at most this much
   * over a window (daylight saving time, and the rare two-hour shifts).
   */
  private static final long SHIFT = 3 * 3_600;

  /** Before every stored time. */
  private static final Instant EARLIEST = Instant.parse("1000-01-02T00:00:00Z");

  /** Unix seconds of 9998-12-31: later dates never come. */
  private static final long LAST_SECOND = 253_370_678_400L;

  private final ConditionSqlCompiler compiler;
  private final long workspaceId;
  private final Instant now;

  TimerSql(ConditionSqlCompiler compiler, long workspaceId, Instant now) {
    this.compiler = Objects.requireNonNull(compiler, "compiler");
    this.workspaceId = workspaceId;
    this.now = Objects.requireNonNull(now, "now");
  }

  /** Whether time alone can change someone's result for {@code condition}. */
  static boolean timeDependent(Condition condition) {
    return leaves(condition).anyMatch(TimerSql::moves);
  }

  /** The queries of the leaves that move with the clock; empty when none does. */
  List<SqlFragment> of(Condition condition) {
    List<SqlFragment> queries = new ArrayList<>();
    leaves(condition).filter(TimerSql::moves).forEach(leaf -> queries.add(query(leaf)));
    return queries;
  }

  private static Stream<Condition> leaves(Condition condition) {
    if (condition instanceof All all) {
      return all.conditions().stream().flatMap(TimerSql::leaves);
    } else if (condition instanceof Any any) {
      return any.conditions().stream().flatMap(TimerSql::leaves);
    } else if (condition instanceof Not not) {
      return leaves(not.condition());
    }
    return Stream.of(condition);
  }

  private static boolean moves(Condition leaf) {
    if (leaf instanceof AttributeCondition attribute) {
      return relative(attribute.match());
    } else if (leaf instanceof EventCondition event) {
      return event.window() instanceof Window.Last || relativeFilter(event.where());
    } else if (leaf instanceof EngagementCondition engagement) {
      return engagement.window() instanceof Window.Last;
    } else if (leaf instanceof RelationshipCondition relationship) {
      return relativeFilter(relationship.object()) || relativeFilter(relationship.relationship());
    }
    return false;
  }

  private static boolean relative(Match match) {
    return match.operator() == Operator.WITHIN_LAST_DAYS
        || match.operator() == Operator.WITHIN_NEXT_DAYS;
  }

  private static boolean relativeFilter(List<PropertyMatch> filters) {
    return filters.stream().anyMatch(f -> relative(f.match()));
  }

  private SqlFragment query(Condition leaf) {
    String at = DateTimes.text(now);
    if (leaf instanceof AttributeCondition attribute) {
      return attribute(attribute);
    } else if (leaf instanceof EventCondition event) {
      SqlFragment.Builder sql = new SqlFragment.Builder();
      if (relativeFilter(event.where())) {
        sql.sql("SELECT e.person_cio_id AS cio_id, ")
            .param(at)
            .sql(" AS due FROM events_event e " + CandidateSql.BY_NAME)
            .sql(" WHERE e.workspace_id = ")
            .param(workspaceId)
            .sql(" AND e.name = ")
            .param(event.name())
            .sql(" AND e.person_cio_id IS NOT NULL AND CAST(e.name AS BINARY) = ")
            .param(event.name().getBytes(StandardCharsets.UTF_8))
            .sql(" GROUP BY e.person_cio_id");
        return sql.build();
      }
      Duration window = duration((Window.Last) event.window());
      sql.sql("SELECT e.person_cio_id AS cio_id, ");
      due(sql, "e.occurred_at", window, at);
      sql.sql(" AS due FROM events_event e " + CandidateSql.BY_NAME)
          .sql(CandidateSql.personFor(event, "e.workspace_id", "e.person_cio_id"))
          .sql(" WHERE e.workspace_id = ")
          .param(workspaceId)
          .sql(" AND e.name = ")
          .param(event.name())
          .sql(" AND e.person_cio_id IS NOT NULL");
      compiler.eventRows(sql, event, false);
      sql.sql(" AND e.occurred_at > ").param(start(window)).sql(" GROUP BY e.person_cio_id");
      return sql.build();
    } else if (leaf instanceof EngagementCondition engagement) {
      Duration window = duration((Window.Last) engagement.window());
      SqlFragment.Builder sql = new SqlFragment.Builder().sql("SELECT g.cio_id AS cio_id, ");
      due(sql, "g.occurred_at", window, at);
      sql.sql(" AS due FROM segments_engagement g WHERE g.workspace_id = ").param(workspaceId);
      compiler.engagementRows(sql, engagement, false);
      sql.sql(" AND g.occurred_at > ").param(start(window)).sql(" GROUP BY g.cio_id");
      return sql.build();
    } else if (leaf instanceof RelationshipCondition relationship) {
      return new SqlFragment.Builder()
          .sql("SELECT DISTINCT r.person_cio_id AS cio_id, ")
          .param(at)
          .sql(
              " AS due FROM objects_person_relationship r"
                  + " JOIN objects_object o ON o.id = r.object_pk WHERE r.workspace_id = ")
          .param(workspaceId)
          .build();
    }
    throw new IllegalArgumentException("does not move with the clock: " + leaf);
  }

  /**
   * The earliest time a row at {@code column} enters or leaves a window of {@code window} (the end
   * of the DATETIME range when it never does).
   */
  private static void due(SqlFragment.Builder sql, String column, Duration window, String at) {
    sql.sql("COALESCE(MIN(CASE WHEN " + column + " <= ")
        .param(at)
        .sql(" THEN TIMESTAMPADD(SECOND, ")
        .param(Math.min(window.getSeconds(), 400L * 365 * DAY * 25))
        .sql(", " + column + ") ELSE " + column + " END), '9999-12-31 00:00:00')");
  }

  /** The start of a window of {@code window} ending now, as a DATETIME literal. */
  private String start(Duration window) {
    Instant from =
        window.compareTo(Duration.ofDays(365L * 5000)) > 0 ? EARLIEST : now.minus(window);
    return DateTimes.text(from.isBefore(EARLIEST) ? EARLIEST : from);
  }

  private SqlFragment attribute(AttributeCondition attribute) {
    int days = ((Operand.Days) attribute.match().operand()).days();
    boolean last = attribute.match().operator() == Operator.WITHIN_LAST_DAYS;
    long nowSeconds = now.getEpochSecond();
    SqlFragment.Builder sql = new SqlFragment.Builder().sql("SELECT p.cio_id AS cio_id, ");
    sql.sql("TIMESTAMPADD(SECOND, FLOOR(");
    if (last) {
      // In: from the date on (a future date); out: once the first day after the window starts,
      // no earlier than `days` days after the date (local days, give or take a zone's shift).
      sql.sql("CASE WHEN ");
      seconds(sql, attribute);
      sql.sql(" > ").param(nowSeconds).sql(" THEN ");
      seconds(sql, attribute);
      sql.sql(" ELSE ");
      seconds(sql, attribute);
      sql.sql(" + ").param(days * DAY - SHIFT).sql(" END");
    } else {
      // Out: after the date; in: once the window's end (local days ahead) passes the date.
      sql.sql("CASE WHEN ");
      seconds(sql, attribute);
      sql.sql(" < ").param(nowSeconds + days * DAY - SHIFT).sql(" THEN ");
      seconds(sql, attribute);
      sql.sql(" ELSE ");
      seconds(sql, attribute);
      sql.sql(" - ").param((days + 1L) * DAY + SHIFT).sql(" END");
    }
    sql.sql("), ")
        .param(DateTimes.text(Instant.EPOCH))
        .sql(") AS due FROM people_person p WHERE p.workspace_id = ")
        .param(workspaceId)
        .sql(" AND ");
    seconds(sql, attribute);
    // Older dates have left the window for good (its start only moves forward).
    sql.sql(" BETWEEN ")
        .param(last ? nowSeconds - (days + 1L) * DAY - SHIFT : nowSeconds)
        .sql(" AND ")
        .param(LAST_SECOND);
    return sql.build();
  }

  private static void seconds(SqlFragment.Builder sql, AttributeCondition attribute) {
    MatchSql.appendSeconds(sql, "p.attributes", attribute.attribute());
  }

  private static Duration duration(Window.Last last) {
    return Duration.of(last.amount(), last.unit());
  }
}
