package io.herald.bench.segments;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five representative segments of T4, each as Herald condition JSON and as the one SQL query a
 * person would write by hand for the same membership on Herald's tables. The queries read the
 * attributes the way the condition model defines them for this data set (strings compared as text,
 * numbers and Unix-second dates as numbers: the generator writes every value with one JSON type).
 */
final class Representatives {

  private Representatives() {}

  /**
   * One representative segment.
   *
   * @param key short name, also used by later segments to refer to this one
   * @param label what it is
   * @param condition Herald's condition JSON
   * @param select the hand-written query: one column, the members' cio_id
   * @param parameters the query's parameters, in order
   * @param reference another hand-written query for the same members, printed for reference beside
   *     the target line (S5: the set read from Herald's stored memberships of S3 and S1)
   */
  record Representative(
      String key,
      String label,
      String condition,
      String select,
      List<Object> parameters,
      Optional<Query> reference) {

    Representative(
        String key, String label, String condition, String select, List<Object> parameters) {
      this(key, label, condition, select, parameters, Optional.empty());
    }
  }

  /** A hand-written query: its text (one column, cio_id), its parameters and what it reads. */
  record Query(String label, String select, List<Object> parameters) {}

  /** S1's conditions on {@code people_person p}; one parameter, the created_at bound. */
  private static final String S1_WHERE =
      "JSON_VALUE(p.attributes, '$.plan') IN ('pro', 'enterprise')"
          + " AND JSON_VALUE(p.attributes, '$.country') = 'US'"
          + " AND CAST(JSON_VALUE(p.attributes, '$.created_at') AS DECIMAL(20, 3)) >= ?";

  /** S3's conditions on {@code people_person p}; four parameters, two windows (from, to). */
  private static final String S3_WHERE =
      "(JSON_VALUE(p.attributes, '$.plan') IN ('pro', 'enterprise')"
          + "   OR CAST(JSON_VALUE(p.attributes, '$.ltv') AS DECIMAL(20, 4)) > 1500)"
          + " AND (JSON_VALUE(p.attributes, '$.country') IN ('US', 'CA')"
          + "   OR EXISTS (SELECT 1 FROM events_event e WHERE e.workspace_id ="
          + " p.workspace_id AND e.person_cio_id = p.cio_id AND e.name = 'add_to_cart'"
          + " AND e.occurred_at > ? AND e.occurred_at <= ?))"
          + " AND EXISTS (SELECT 1 FROM events_event e WHERE e.workspace_id ="
          + " p.workspace_id AND e.person_cio_id = p.cio_id AND e.name = 'login'"
          + " AND e.occurred_at > ? AND e.occurred_at <= ?)";

  /**
   * The segment {@code index} (0 to 4) as of {@code now}; {@code ids} holds the Herald ids of the
   * segments built before it (by key).
   */
  static Representative get(
      int index, long workspaceId, Instant generatedAt, Instant now, Map<String, Long> ids) {
    Timestamp nowTs = Timestamp.from(now);
    return switch (index) {
      case 0 -> {
        long since = s1Since(generatedAt);
        yield new Representative(
            "S1",
            "attribute-only (plan in 2, country, created_at after a date)",
            Cond.and(
                Cond.attribute("plan", "in_list", Cond.texts("pro", "enterprise")),
                Cond.attribute("country", "equals", Cond.text("US")),
                Cond.attribute("created_at", "after", Long.toString(since))),
            "SELECT p.cio_id FROM people_person p WHERE p.workspace_id = ? AND " + S1_WHERE,
            List.of(workspaceId, since));
      }
      case 1 ->
          new Representative(
              "S2",
              "event count in window (purchase >= 2 in 30 days)",
              Cond.atLeast("purchase", 2, 30, "days"),
              // Without the hint MariaDB may walk the person index for the GROUP BY and read every
              // event row through it (96 s instead of a fraction of a second for 5,000,000 events
              // here): whoever writes this by hand looks at EXPLAIN and reads the name index.
              "SELECT p.cio_id FROM people_person p JOIN (SELECT person_cio_id FROM events_event"
                  + " FORCE INDEX (ix_events_event_name)"
                  + " WHERE workspace_id = ? AND name = 'purchase' AND occurred_at > ? AND"
                  + " occurred_at <= ? GROUP BY person_cio_id HAVING COUNT(*) >= 2) e"
                  + " ON e.person_cio_id = p.cio_id WHERE p.workspace_id = ?",
              List.of(workspaceId, ago(now, 30), nowTs, workspaceId));
      case 2 ->
          new Representative(
              "S3",
              "nested AND/OR, 6 leaves (4 attribute, 2 event)",
              Cond.and(
                  Cond.or(
                      Cond.attribute("plan", "equals", Cond.text("pro")),
                      Cond.attribute("plan", "equals", Cond.text("enterprise")),
                      Cond.attribute("ltv", "greater_than", "1500")),
                  Cond.or(
                      Cond.attribute("country", "in_list", Cond.texts("US", "CA")),
                      Cond.atLeast("add_to_cart", 1, 7, "days")),
                  Cond.atLeast("login", 1, 14, "days")),
              "SELECT p.cio_id FROM people_person p WHERE p.workspace_id = ? AND " + S3_WHERE,
              List.of(workspaceId, ago(now, 7), nowTs, ago(now, 14), nowTs));
      case 3 ->
          new Representative(
              "S4",
              "relationship (company industry = software, role = admin)",
              Cond.relationship(
                  "1",
                  List.of(Cond.where("industry", "equals", Cond.text("software"))),
                  List.of(Cond.where("role", "equals", Cond.text("admin")))),
              "SELECT DISTINCT r.person_cio_id FROM objects_object o"
                  + " JOIN objects_person_relationship r ON r.object_pk = o.id"
                  + " JOIN people_person p ON p.workspace_id = r.workspace_id"
                  + " AND p.cio_id = r.person_cio_id"
                  + " WHERE o.workspace_id = ? AND o.type_id = 1"
                  + " AND JSON_VALUE(o.attributes, '$.industry') = 'software'"
                  + " AND JSON_VALUE(r.attributes, '$.role') = 'admin'",
              List.of(workspaceId));
      case 4 ->
          // The hand-written query computes the membership from the data, as S1's and S3's do: S3's
          // conditions and not S1's (COALESCE: a person S1's conditions cannot decide is no member
          // of S1). Herald reads its stored memberships of S3 and S1 instead; the same read by hand
          // is the reference line (a floor that only copies those members, see the README).
          new Representative(
              "S5",
              "segment-of-segment (in S3 and not in S1)",
              Cond.and(Cond.segment(ids.get("S3")), Cond.not(Cond.segment(ids.get("S1")))),
              "SELECT p.cio_id FROM people_person p WHERE p.workspace_id = ? AND "
                  + S3_WHERE
                  + " AND NOT COALESCE(("
                  + S1_WHERE
                  + "), FALSE)",
              List.of(workspaceId, ago(now, 7), nowTs, ago(now, 14), nowTs, s1Since(generatedAt)),
              Optional.of(
                  new Query(
                      "S3's and S1's stored members (segments_membership)",
                      "SELECT m.cio_id FROM segments_membership m WHERE m.segment_id = ?"
                          + " AND NOT EXISTS (SELECT 1 FROM segments_membership x"
                          + " WHERE x.segment_id = ? AND x.cio_id = m.cio_id)",
                      List.of(ids.get("S3"), ids.get("S1")))));
      default -> throw new IllegalArgumentException("no representative segment " + index);
    };
  }

  static final int COUNT = 5;

  /** S1's created_at bound: a year before the data was generated, in Unix seconds. */
  private static long s1Since(Instant generatedAt) {
    return generatedAt.minus(Duration.ofDays(365)).getEpochSecond();
  }

  private static Timestamp ago(Instant now, int days) {
    return Timestamp.from(now.minus(Duration.ofDays(days)));
  }
}
