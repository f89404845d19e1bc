package io.herald.segments.internal.sql;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.segments.api.condition.Window;
import io.herald.segments.api.condition.ZoneChoice;
import io.herald.shared.persistence.DateTimes;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Compiles a condition tree to one SQL condition over the person row {@code people_person p}: TRUE
 * or FALSE for every person, never NULL, so NOT and the groups keep two-valued logic. Pure: no
 * database access; what the compiler must know about the data (the time zones people name) is given
 * to it.
 *
 * <p>Groups become {@code AND} / {@code OR} / {@code NOT} (an empty AND is TRUE, an empty OR
 * FALSE). Leaves become subqueries correlated on {@code p.workspace_id} and {@code p.cio_id}
 * ({@code p.id} for devices):
 *
 * <ul>
 *   <li>attribute: a comparison of {@code p.attributes} ({@link MatchSql});
 *   <li>event: the number of {@code events_event} rows of the person with that name (compared
 *       byte-wise), in the window, whose {@code data} matches every filter, compared with the count
 *       ({@code EXISTS} for "at least once", {@code NOT EXISTS} for "never", {@code COUNT(*)}
 *       otherwise), negated when not performed;
 *   <li>engagement: the same over {@code segments_engagement};
 *   <li>relationship: {@code EXISTS} a row of {@code objects_person_relationship} joined to its
 *       {@code objects_object} of the type, both filter lists matching;
 *   <li>segment: {@code EXISTS} a {@code segments_membership} row;
 *   <li>device: {@code EXISTS} a {@code people_device} row on the platform with the push state.
 * </ul>
 *
 * Event and engagement windows compare {@code DATETIME(3)} columns with instants rounded to the
 * millisecond in the direction that keeps the comparison exact (stored times are whole
 * milliseconds).
 */
final class ConditionSqlCompiler {

  /** Stored times are DATETIME: a bound before this is below every stored time. */
  private static final Instant EARLIEST = Instant.parse("1000-01-02T00:00:00Z");

  /** Stored times are DATETIME: a bound after this is above every stored time. */
  private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");

  private final Instant now;
  private final MatchSql matches;

  /**
   * @param now the evaluation instant
   * @param workspaceZone the workspace's zone
   * @param personZones the valid zones named by the {@code timezone} attribute of the people the
   *     compiled condition will be evaluated for; others fall back to the workspace's zone
   * @param dialect the server's dialect
   */
  ConditionSqlCompiler(
      Instant now, ZoneId workspaceZone, PersonZones personZones, Dialect dialect) {
    this.now = Objects.requireNonNull(now, "now");
    this.matches = new MatchSql(now, workspaceZone, personZones, dialect);
  }

  /** The condition over {@code people_person p}. */
  SqlFragment compile(Condition condition) {
    SqlFragment.Builder sql = new SqlFragment.Builder();
    condition(sql, condition);
    return sql.build();
  }

  /**
   * Whether the tree reads a calendar day in the person's zone, so the compiler needs {@link
   * PersonZones} (a date comparison with a day operand or a "within the last/next days" window).
   */
  static boolean needsPersonZones(Condition condition) {
    return matchesOf(condition)
        .anyMatch(
            m ->
                m.zone() == ZoneChoice.PERSON
                    && (m.operator() == Operator.WITHIN_LAST_DAYS
                        || m.operator() == Operator.WITHIN_NEXT_DAYS
                        || m.operand() instanceof Operand.Day));
  }

  private static Stream<Match> matchesOf(Condition condition) {
    if (condition instanceof All all) {
      return all.conditions().stream().flatMap(ConditionSqlCompiler::matchesOf);
    } else if (condition instanceof Any any) {
      return any.conditions().stream().flatMap(ConditionSqlCompiler::matchesOf);
    } else if (condition instanceof Not not) {
      return matchesOf(not.condition());
    } else if (condition instanceof AttributeCondition attribute) {
      return Stream.of(attribute.match());
    } else if (condition instanceof EventCondition event) {
      return event.where().stream().map(PropertyMatch::match);
    } else if (condition instanceof RelationshipCondition relationship) {
      return Stream.concat(relationship.object().stream(), relationship.relationship().stream())
          .map(PropertyMatch::match);
    }
    return Stream.empty();
  }

  private void condition(SqlFragment.Builder sql, Condition condition) {
    if (condition instanceof All all) {
      group(sql, all.conditions(), " AND ", "TRUE");
    } else if (condition instanceof Any any) {
      group(sql, any.conditions(), " OR ", "FALSE");
    } else if (condition instanceof Not not) {
      sql.sql("(NOT ");
      condition(sql, not.condition());
      sql.sql(")");
    } else if (condition instanceof AttributeCondition attribute) {
      matches.append(sql, "p.attributes", attribute.attribute(), attribute.match());
    } else if (condition instanceof EventCondition event) {
      event(sql, event);
    } else if (condition instanceof EngagementCondition engagement) {
      engagement(sql, engagement);
    } else if (condition instanceof RelationshipCondition relationship) {
      relationship(sql, relationship);
    } else if (condition instanceof SegmentCondition segment) {
      sql.sql("EXISTS (SELECT 1 FROM segments_membership m WHERE m.segment_id = ")
          .param(segment.segmentId())
          .sql(" AND m.workspace_id = p.workspace_id AND m.cio_id = p.cio_id)");
    } else if (condition instanceof DeviceCondition device) {
      device(sql, device);
    } else {
      throw new IllegalArgumentException("unknown condition " + condition);
    }
  }

  private void group(
      SqlFragment.Builder sql, List<Condition> members, String operator, String empty) {
    if (members.isEmpty()) {
      sql.sql(empty);
      return;
    }
    sql.sql("(");
    for (int i = 0; i < members.size(); i++) {
      sql.sql(i == 0 ? "" : operator);
      condition(sql, members.get(i));
    }
    sql.sql(")");
  }

  private void event(SqlFragment.Builder sql, EventCondition event) {
    sql.sql(event.performed() ? "(" : "(NOT ");
    counted(
        sql,
        event.count(),
        body -> {
          body.sql(
              "FROM events_event e WHERE e.workspace_id = p.workspace_id"
                  + " AND e.person_cio_id = p.cio_id");
          eventRows(body, event);
        });
    sql.sql(")");
  }

  /**
   * Appends {@code AND …} restricting {@code events_event e} to the leaf's event name, window and
   * data filters (not to a person).
   */
  void eventRows(SqlFragment.Builder sql, EventCondition event) {
    eventRows(sql, event, true);
  }

  /** {@link #eventRows(SqlFragment.Builder, EventCondition)}, with or without the window. */
  void eventRows(SqlFragment.Builder sql, EventCondition event, boolean inWindow) {
    sql.sql(" AND CAST(e.name AS BINARY) = ").param(event.name().getBytes(StandardCharsets.UTF_8));
    if (inWindow) {
      window(sql, "e.occurred_at", event.window());
    }
    for (PropertyMatch filter : event.where()) {
      sql.sql(" AND ");
      matches.append(sql, "e.data", filter.property(), filter.match());
    }
  }

  private void engagement(SqlFragment.Builder sql, EngagementCondition engagement) {
    counted(
        sql,
        engagement.count(),
        body -> {
          body.sql(
              "FROM segments_engagement g WHERE g.workspace_id = p.workspace_id"
                  + " AND g.cio_id = p.cio_id");
          engagementRows(body, engagement);
        });
  }

  /**
   * Appends {@code AND …} restricting {@code segments_engagement g} to the leaf's metric, message,
   * campaign and window (not to a person).
   */
  void engagementRows(SqlFragment.Builder sql, EngagementCondition engagement) {
    engagementRows(sql, engagement, true);
  }

  /**
   * {@link #engagementRows(SqlFragment.Builder, EngagementCondition)}, with or without the window.
   */
  void engagementRows(SqlFragment.Builder sql, EngagementCondition engagement, boolean inWindow) {
    sql.sql(" AND g.metric = ").param(engagement.metric().wireName());
    if (engagement.messageId() != null) {
      sql.sql(" AND CAST(g.message_id AS BINARY) = ")
          .param(engagement.messageId().getBytes(StandardCharsets.UTF_8));
    }
    if (engagement.campaignId() != null) {
      sql.sql(" AND CAST(g.campaign_id AS BINARY) = ")
          .param(engagement.campaignId().getBytes(StandardCharsets.UTF_8));
    }
    if (inWindow) {
      window(sql, "g.occurred_at", engagement.window());
    }
  }

  /**
   * Compares the number of rows {@code body} ({@code FROM … WHERE …}) selects with {@code count}.
   */
  private static void counted(
      SqlFragment.Builder sql, Count count, Consumer<SqlFragment.Builder> body) {
    int times = count.times();
    boolean none = times == 0 && count.comparison() != Count.Comparison.AT_LEAST;
    if (times == 0 && count.comparison() == Count.Comparison.AT_LEAST) {
      sql.sql("TRUE");
    } else if (times == 1 && count.comparison() == Count.Comparison.AT_LEAST) {
      sql.sql("EXISTS (SELECT 1 ");
      body.accept(sql);
      sql.sql(")");
    } else if (none) {
      sql.sql("NOT EXISTS (SELECT 1 ");
      body.accept(sql);
      sql.sql(")");
    } else {
      sql.sql("((SELECT COUNT(*) ");
      body.accept(sql);
      sql.sql(
          switch (count.comparison()) {
            case AT_LEAST -> ") >= ";
            case AT_MOST -> ") <= ";
            case EXACTLY -> ") = ";
          });
      sql.param(times).sql(")");
    }
  }

  /** Restricts {@code column} (a DATETIME(3)) to the window. */
  void window(SqlFragment.Builder sql, String column, Window window) {
    if (window instanceof Window.Last last) {
      Instant from;
      try {
        from = now.minus(last.amount(), last.unit());
      } catch (ArithmeticException | DateTimeException beforeTime) {
        from = Instant.MIN;
      }
      lower(sql, column, " > ", floorMillis(from));
      upper(sql, column, " <= ", floorMillis(now));
    } else if (window instanceof Window.Between between) {
      lower(sql, column, " >= ", ceilMillis(between.from()));
      upper(sql, column, " < ", ceilMillis(between.to()));
    }
  }

  private static void lower(SqlFragment.Builder sql, String column, String op, Instant bound) {
    if (bound.isAfter(LATEST)) {
      sql.sql(" AND FALSE");
    } else if (!bound.isBefore(EARLIEST)) {
      sql.sql(" AND " + column + op).param(DateTimes.text(bound));
    }
  }

  private static void upper(SqlFragment.Builder sql, String column, String op, Instant bound) {
    if (bound.isBefore(EARLIEST)) {
      sql.sql(" AND FALSE");
    } else if (!bound.isAfter(LATEST)) {
      sql.sql(" AND " + column + op).param(DateTimes.text(bound));
    }
  }

  /** The millisecond at or before {@code instant} ({@code t > b} iff {@code t > floor(b)}). */
  private static Instant floorMillis(Instant instant) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      return instant;
    }
    return Instant.ofEpochMilli(instant.toEpochMilli());
  }

  /** The millisecond at or after {@code instant} ({@code t >= b} iff {@code t >= ceil(b)}). */
  private static Instant ceilMillis(Instant instant) {
    Instant floor = floorMillis(instant);
    return floor.equals(instant) ? floor : floor.plusMillis(1);
  }

  private void relationship(SqlFragment.Builder sql, RelationshipCondition relationship) {
    if (canonicalInt(relationship.objectTypeId()) == null) {
      sql.sql("FALSE"); // type ids are numbers: no object has this type
      return;
    }
    sql.sql(
        "EXISTS (SELECT 1 FROM objects_person_relationship r"
            + " JOIN objects_object o ON o.id = r.object_pk"
            + " WHERE r.workspace_id = p.workspace_id AND r.person_cio_id = p.cio_id");
    relationshipRows(sql, relationship);
    sql.sql(")");
  }

  /**
   * Appends {@code AND …} restricting {@code objects_person_relationship r} joined to its {@code
   * objects_object o} to the leaf's object type and both filter lists (not to a person); {@code AND
   * FALSE} when the type id is not a number.
   */
  void relationshipRows(SqlFragment.Builder sql, RelationshipCondition relationship) {
    Integer typeId = canonicalInt(relationship.objectTypeId());
    if (typeId == null) {
      sql.sql(" AND FALSE");
      return;
    }
    sql.sql(" AND o.type_id = ").param(typeId);
    for (PropertyMatch filter : relationship.object()) {
      sql.sql(" AND ");
      matches.append(sql, "o.attributes", filter.property(), filter.match());
    }
    for (PropertyMatch filter : relationship.relationship()) {
      sql.sql(" AND ");
      matches.append(sql, "r.attributes", filter.property(), filter.match());
    }
  }

  /** The int {@code text} spells the way type ids are shown ({@code "1"}, not {@code "01"}). */
  static Integer canonicalInt(String text) {
    try {
      int value = Integer.parseInt(text);
      return Integer.toString(value).equals(text) ? value : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static void device(SqlFragment.Builder sql, DeviceCondition device) {
    sql.sql(
        "EXISTS (SELECT 1 FROM people_device d WHERE d.person_id = p.id"
            + " AND d.workspace_id = p.workspace_id");
    deviceRows(sql, device);
    sql.sql(")");
  }

  /**
   * Appends {@code AND …} restricting {@code people_device d} to the leaf's platform and push state
   * (not to a person).
   */
  static void deviceRows(SqlFragment.Builder sql, DeviceCondition device) {
    if (device.platform() != null) {
      sql.sql(" AND CAST(d.platform AS BINARY) = ")
          .param(device.platform().getBytes(StandardCharsets.UTF_8));
    }
    if (device.pushEnabled() != null) {
      // Push is off only when push_enabled is false or "false".
      sql.sql(device.pushEnabled() ? " AND NOT " : " AND ")
          .sql(
              "COALESCE(JSON_TYPE(JSON_EXTRACT(d.attributes, '$.\"push_enabled\"'))"
                  + " IN ('BOOLEAN','STRING') AND CAST(JSON_UNQUOTE(JSON_EXTRACT(d.attributes,"
                  + " '$.\"push_enabled\"')) AS BINARY) = 'false', FALSE)");
    }
  }
}
