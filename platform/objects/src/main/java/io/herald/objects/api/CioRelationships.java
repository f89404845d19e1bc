package io.herald.objects.api;

import io.herald.objects.api.InvalidObjectDataException.Problem;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsers for Customer.io's {@code cio_relationships} (API-COMPAT A.2, A.3), so every entry point
 * (Track v1 and v2, Pipelines {@code group}, the App API) reads them the same way and reports
 * problems with the exact field: {@code cio_relationships[1].identifiers.object_id: is required}.
 *
 * <ul>
 *   <li>{@link #objects}: a person's relationships, {@code [{"identifiers":{"object_type_id":"1",
 *       "object_id":"acme"} | {"cio_object_id":"…"}, "relationship_attributes":{…}}]}
 *   <li>{@link #people}: an object's relationships, {@code [{"identifiers":{"id"|"email"|"cio_id":
 *       "…"}, "relationship_attributes":{…}}]}
 *   <li>{@link #trackV1}: Track v1's {@code {"action":"add_relationships"|"delete_relationships",
 *       "relationships":[…]}}
 * </ul>
 *
 * Relationship attributes follow {@link AttributeLimits}; a missing {@code relationship_attributes}
 * means none.
 */
public final class CioRelationships {

  /** Most relationships in one call. */
  public static final int MAX_RELATIONSHIPS = 1000;

  private static final Set<String> ENTRY_KEYS = Set.of("identifiers", "relationship_attributes");

  private CioRelationships() {}

  /** What a Track v1 {@code cio_relationships} asks for. */
  public enum Action {
    /** {@code add_relationships}: add, or update the attributes of, each relationship. */
    ADD,
    /** {@code delete_relationships}: remove each relationship. */
    DELETE
  }

  /**
   * A parsed Track v1 {@code cio_relationships}.
   *
   * @param action add or delete
   * @param relationships the relationships
   */
  public record TrackV1(Action action, List<RelationshipSpec> relationships) {
    /** Copies the list. */
    public TrackV1 {
      relationships = List.copyOf(relationships);
    }
  }

  /**
   * Parses a person's relationships to objects.
   *
   * @param value the {@code cio_relationships} array
   * @param field its JSON path, for messages
   * @throws InvalidObjectDataException listing every problem with its field
   */
  public static List<RelationshipSpec> objects(JsonValue value, String field) {
    List<Problem> problems = new ArrayList<>();
    List<RelationshipSpec> specs = new ArrayList<>();
    forEachEntry(
        value,
        field,
        problems,
        (identifiers, attributes, where) -> {
          try {
            specs.add(
                new RelationshipSpec(
                    ObjectRef.fromIdentifiers(identifiers, where + ".identifiers"), attributes));
          } catch (InvalidObjectDataException e) {
            problems.addAll(e.problems());
          }
        });
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
    return specs;
  }

  /**
   * Parses an object's relationships to people.
   *
   * @param value the {@code cio_relationships} array
   * @param field its JSON path, for messages
   * @throws InvalidObjectDataException listing every problem with its field
   */
  public static List<PersonRelationshipSpec> people(JsonValue value, String field) {
    List<Problem> problems = new ArrayList<>();
    List<PersonRelationshipSpec> specs = new ArrayList<>();
    forEachEntry(
        value,
        field,
        problems,
        (identifiers, attributes, where) -> {
          PersonRef person = person(identifiers, where + ".identifiers", problems);
          if (person != null) {
            specs.add(new PersonRelationshipSpec(person, attributes));
          }
        });
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
    return specs;
  }

  /**
   * Parses Track v1's {@code cio_relationships} object. A missing {@code action} means {@code
   * add_relationships}.
   *
   * @param value the {@code cio_relationships} value
   * @param field its JSON path, for messages
   * @throws InvalidObjectDataException listing every problem with its field
   */
  public static TrackV1 trackV1(JsonValue value, String field) {
    if (!(value instanceof JsonObject object)) {
      throw InvalidObjectDataException.of(field, "must be an object with action and relationships");
    }
    List<Problem> problems = new ArrayList<>();
    for (String key : object.keySet()) {
      if (!key.equals("action") && !key.equals("relationships")) {
        problems.add(new Problem(field + "." + key, "is not known; use action and relationships"));
      }
    }
    Action action = Action.ADD;
    JsonValue given = object.get("action");
    if (given != null) {
      if (given instanceof JsonString s && s.getString().equals("add_relationships")) {
        action = Action.ADD;
      } else if (given instanceof JsonString s && s.getString().equals("delete_relationships")) {
        action = Action.DELETE;
      } else {
        problems.add(
            new Problem(
                field + ".action", "must be \"add_relationships\" or \"delete_relationships\""));
      }
    }
    List<RelationshipSpec> specs = List.of();
    JsonValue relationships = object.get("relationships");
    if (relationships == null) {
      problems.add(new Problem(field + ".relationships", "is required"));
    } else {
      try {
        specs = objects(relationships, field + ".relationships");
      } catch (InvalidObjectDataException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
    return new TrackV1(action, specs);
  }

  /**
   * Reads a person reference {@code {"id"|"email"|"cio_id":"…"}} (exactly one key).
   *
   * @return the reference, or {@code null} after adding a problem
   */
  static PersonRef person(JsonValue value, String field, List<Problem> problems) {
    if (!(value instanceof JsonObject ids) || ids.size() != 1) {
      problems.add(new Problem(field, "must have exactly one of id, email, cio_id"));
      return null;
    }
    Map.Entry<String, JsonValue> only = ids.entrySet().iterator().next();
    IdType type =
        switch (only.getKey()) {
          case "id" -> IdType.ID;
          case "email" -> IdType.EMAIL;
          case "cio_id" -> IdType.CIO_ID;
          default -> null;
        };
    String where = field + "." + only.getKey();
    if (type == null) {
      problems.add(new Problem(where, "is not a person identifier: use id, email or cio_id"));
      return null;
    }
    String text;
    if (only.getValue() instanceof JsonString s) {
      text = s.getString().trim();
    } else if (only.getValue() instanceof JsonNumber n && n.isIntegral() && type == IdType.ID) {
      text = n.bigIntegerValue().toString();
    } else {
      problems.add(new Problem(where, "must be a string"));
      return null;
    }
    PersonRef ref = new PersonRef(type, text);
    if (!ref.wellFormed()) {
      problems.add(new Problem(where, "must be 1 to " + PersonRef.MAX_BYTES + " bytes"));
      return null;
    }
    return ref;
  }

  private interface EntryHandler {
    void accept(JsonValue identifiers, JsonObject attributes, String where);
  }

  private static void forEachEntry(
      JsonValue value, String field, List<Problem> problems, EntryHandler handler) {
    if (!(value instanceof JsonArray entries)) {
      problems.add(new Problem(field, "must be an array of relationships"));
      return;
    }
    if (entries.size() > MAX_RELATIONSHIPS) {
      problems.add(
          new Problem(
              field,
              entries.size() + " relationships in one call; the limit is " + MAX_RELATIONSHIPS));
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      String where = field + "[" + i + "]";
      if (!(entries.get(i) instanceof JsonObject entry)) {
        problems.add(
            new Problem(where, "must be an object with identifiers and relationship_attributes"));
        continue;
      }
      for (String key : entry.keySet()) {
        if (!ENTRY_KEYS.contains(key)) {
          problems.add(
              new Problem(
                  where + "." + key, "is not known; use identifiers and relationship_attributes"));
        }
      }
      JsonObject attributes = JsonValue.EMPTY_JSON_OBJECT;
      JsonValue given = entry.get("relationship_attributes");
      if (given instanceof JsonObject a) {
        problems.addAll(AttributeLimits.checkChanges(a, where + ".relationship_attributes"));
        attributes = a;
      } else if (given != null && given != JsonValue.NULL) {
        problems.add(new Problem(where + ".relationship_attributes", "must be an object"));
      }
      JsonValue identifiers = entry.get("identifiers");
      if (identifiers == null) {
        problems.add(new Problem(where + ".identifiers", "is required"));
        continue;
      }
      handler.accept(identifiers, attributes, where);
    }
  }

  /** An empty attribute object, for callers building specs by hand. */
  public static JsonObject noAttributes() {
    return Jsons.createObjectBuilder().build();
  }
}
