package io.herald.segments.internal.realtime;

import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.Window;
import io.herald.segments.internal.evaluate.PersonFacts;
import io.herald.segments.internal.evaluate.PersonFacts.DeviceFact;
import io.herald.segments.internal.evaluate.PersonFacts.EngagementFact;
import io.herald.segments.internal.evaluate.PersonFacts.EventFact;
import io.herald.segments.internal.evaluate.PersonFacts.RelationshipFact;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.DateTimes;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link PersonFacts} for a batch of people with a few queries, loading only what the
 * segments being evaluated mention ({@link Mentions}): events of the mentioned names within the
 * widest window any leaf uses (events dated after now included, so the evaluator can tell when they
 * start to count), relationships to the mentioned object types, devices and engagements only when a
 * leaf reads them. Memberships and attributes are always loaded.
 *
 * <p>Reads other modules' tables with plain read-only SQL (allowed for the segments evaluators, see
 * the module README): {@code people_person}, {@code people_anonymous_id}, {@code people_device},
 * {@code events_event}, {@code objects_object}, {@code objects_person_relationship}; and its own
 * {@code segments_membership} and {@code segments_engagement}.
 */
public final class FactsLoader {

  /** Values per IN list. */
  private static final int CHUNK = 500;

  private FactsLoader() {}

  /**
   * The facts of those of {@code cioIds} who exist in the workspace, by cio_id.
   *
   * @param now the evaluation instant (event windows are read relative to it)
   */
  public static Map<String, PersonFacts> load(
      Connection c, long workspaceId, Collection<String> cioIds, Mentions mentions, Instant now)
      throws SQLException {
    Map<String, Mentions> each = new HashMap<>();
    cioIds.forEach(cio -> each.put(cio, mentions));
    return load(c, workspaceId, each, now);
  }

  /**
   * The facts of those people who exist in the workspace, by cio_id, each person's loaded as far as
   * their own mentions reach ({@code byPerson}: the segments evaluated for that person): the
   * engine's batches mix people whose changes concern different segments, and a read of the union
   * for everyone read relationships, devices, engagements and events with data for the whole batch
   * when one person's segment needed them. Events are still read over the union of names (see
   * {@link EventFacts} why), but each person keeps only their own.
   *
   * @param now the evaluation instant (event windows are read relative to it)
   */
  public static Map<String, PersonFacts> load(
      Connection c, long workspaceId, Map<String, Mentions> byPerson, Instant now)
      throws SQLException {
    Map<String, PersonFacts> facts = new LinkedHashMap<>();
    List<String> all = List.copyOf(byPerson.keySet());
    for (int from = 0; from < all.size(); from += CHUNK) {
      facts.putAll(
          chunk(
              c,
              workspaceId,
              all.subList(from, Math.min(all.size(), from + CHUNK)),
              byPerson,
              now));
    }
    return facts;
  }

  private static Map<String, PersonFacts> chunk(
      Connection c, long ws, List<String> cioIds, Map<String, Mentions> byPerson, Instant now)
      throws SQLException {
    Map<String, JsonObject> attributes = attributes(c, ws, cioIds);
    if (attributes.isEmpty()) {
      return Map.of();
    }
    List<String> present = List.copyOf(attributes.keySet());
    Map<String, Set<Long>> segments = memberships(c, ws, present);
    Map<String, List<EventFact>> events = EventFacts.load(c, ws, present, byPerson, now);
    Map<String, List<RelationshipFact>> relationships = relationships(c, ws, present, byPerson);
    List<String> withDevices = present.stream().filter(cio -> byPerson.get(cio).devices()).toList();
    Map<String, List<DeviceFact>> devices =
        withDevices.isEmpty() ? Map.of() : devices(c, ws, withDevices);
    Map<String, List<EngagementFact>> engagements = engagements(c, ws, present, byPerson, now);
    Map<String, PersonFacts> facts = new LinkedHashMap<>();
    for (String cio : present) {
      facts.put(
          cio,
          new PersonFacts(
              cio,
              attributes.get(cio),
              events.getOrDefault(cio, List.of()),
              relationships.getOrDefault(cio, List.of()),
              devices.getOrDefault(cio, List.of()),
              segments.getOrDefault(cio, Set.of()),
              engagements.getOrDefault(cio, List.of())));
    }
    return facts;
  }

  private static Map<String, JsonObject> attributes(Connection c, long ws, List<String> cioIds)
      throws SQLException {
    Map<String, JsonObject> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT cio_id, attributes FROM people_person WHERE workspace_id = ? AND cio_id IN ("
                + Jdbc.placeholders(cioIds.size())
                + ")")) {
      bind(q, ws, cioIds);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), json(rs.getString(2)));
        }
      }
    }
    return found;
  }

  private static Map<String, Set<Long>> memberships(Connection c, long ws, List<String> cioIds)
      throws SQLException {
    Map<String, Set<Long>> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT cio_id, segment_id FROM segments_membership WHERE workspace_id = ?"
                + " AND cio_id IN ("
                + Jdbc.placeholders(cioIds.size())
                + ")")) {
      bind(q, ws, cioIds);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));
        }
      }
    }
    return found;
  }

  /** The relationships to the object types each person's mentions name, for those with any. */
  private static Map<String, List<RelationshipFact>> relationships(
      Connection c, long ws, List<String> present, Map<String, Mentions> byPerson)
      throws SQLException {
    List<String> cioIds = new ArrayList<>();
    Set<String> objectTypes = new HashSet<>();
    for (String cio : present) {
      Set<String> types = byPerson.get(cio).objectTypes();
      if (!types.isEmpty()) {
        cioIds.add(cio);
        objectTypes.addAll(types);
      }
    }
    if (cioIds.isEmpty()) {
      return Map.of();
    }
    List<Integer> types = new ArrayList<>();
    for (String t : objectTypes) {
      try {
        types.add(Integer.parseInt(t));
      } catch (NumberFormatException e) {
        // no object type has a non-numeric id: such a leaf matches nobody
      }
    }
    if (types.isEmpty()) {
      return Map.of();
    }
    Map<String, List<RelationshipFact>> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT r.person_cio_id, o.type_id, o.attributes, r.attributes"
                + " FROM objects_person_relationship r"
                + " JOIN objects_object o ON o.id = r.object_pk"
                + " WHERE r.workspace_id = ? AND r.person_cio_id IN ("
                + Jdbc.placeholders(cioIds.size())
                + ") AND o.type_id IN ("
                + Jdbc.placeholders(types.size())
                + ")")) {
      int i = bind(q, ws, cioIds);
      for (Integer t : types) {
        q.setInt(i++, t);
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new RelationshipFact(
                      Integer.toString(rs.getInt(2)),
                      json(rs.getString(3)),
                      json(rs.getString(4))));
        }
      }
    }
    return found;
  }

  private static Map<String, List<DeviceFact>> devices(Connection c, long ws, List<String> cioIds)
      throws SQLException {
    Map<String, List<DeviceFact>> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT p.cio_id, d.platform, d.attributes FROM people_device d"
                + " JOIN people_person p ON p.id = d.person_id"
                + " WHERE p.workspace_id = ? AND p.cio_id IN ("
                + Jdbc.placeholders(cioIds.size())
                + ")")) {
      bind(q, ws, cioIds);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new DeviceFact(rs.getString(2), pushEnabled(json(rs.getString(3)))));
        }
      }
    }
    return found;
  }

  /** Push-enabled unless {@code push_enabled} is {@code false} or {@code "false"}. */
  static boolean pushEnabled(JsonObject attributes) {
    JsonValue value = attributes.get("push_enabled");
    if (value == null) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    return !(value instanceof JsonString s && "false".equals(s.getString()));
  }

  /**
   * The engagements of those people whose mentions have an engagement leaf, from the earliest
   * instant any of theirs can count.
   */
  private static Map<String, List<EngagementFact>> engagements(
      Connection c, long ws, List<String> present, Map<String, Mentions> byPerson, Instant now)
      throws SQLException {
    List<String> cioIds = new ArrayList<>();
    Window widest = null;
    for (String cio : present) {
      Window window = byPerson.get(cio).engagement();
      if (window != null) {
        cioIds.add(cio);
        widest = Mentions.wider(widest, window);
      }
    }
    if (cioIds.isEmpty()) {
      return Map.of();
    }
    Instant earliest = Mentions.earliest(widest, now);
    Map<String, List<EngagementFact>> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT cio_id, metric, message_id, campaign_id, occurred_at FROM segments_engagement"
                + " WHERE workspace_id = ? AND cio_id IN ("
                + Jdbc.placeholders(cioIds.size())
                + ")"
                + (earliest == null ? "" : " AND occurred_at >= ?"))) {
      int i = bind(q, ws, cioIds);
      if (earliest != null) {
        DateTimes.bind(q, i, earliest);
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String metric = rs.getString(2);
          var known =
              Arrays.stream(EngagementCondition.Metric.values())
                  .filter(m -> m.wireName().equals(metric))
                  .findFirst();
          if (known.isEmpty()) {
            continue;
          }
          found
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new EngagementFact(
                      known.get(),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getTimestamp(5).toInstant()));
        }
      }
    }
    return found;
  }

  /** Binds the workspace and the values; returns the next parameter index. */
  static int bind(PreparedStatement q, long ws, List<String> values) throws SQLException {
    q.setLong(1, ws);
    int i = 2;
    for (String v : values) {
      q.setString(i++, v);
    }
    return i;
  }

  static JsonObject json(String text) {
    try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
