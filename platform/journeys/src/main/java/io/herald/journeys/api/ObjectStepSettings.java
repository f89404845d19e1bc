package io.herald.journeys.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Checks the settings of the steps that reach other modules' data: {@code update_object}, {@code
 * update_relationship} (custom objects) and {@code start_journey}; problems go to the document's
 * {@link JsonChecks} with their JSON path.
 */
final class ObjectStepSettings {

  private final JsonChecks checks;

  ObjectStepSettings(JsonChecks checks) {
    this.checks = checks;
  }

  /**
   * {@code
   * {"object_type_id":"1","object_id":"acme"|"{{trigger.object.object_id}}","attributes":{…}}}:
   * without {@code object_id}, every object of the type the person is related to.
   */
  void updateObject(JsonObject s, String path) {
    checks.keys(s, path, "object_type_id", "object_id", "attributes");
    objectType(s, path);
    objectId(s, path, false);
    JsonObject attrs = checks.optionalObject(s, path, "attributes");
    if (attrs == null || attrs.isEmpty()) {
      checks.problem(path + ".attributes", "must be a non-empty object");
    }
  }

  /** {@code {"action":"relate"|"unrelate","object_type_id","object_id","attributes":{…}}}. */
  void updateRelationship(JsonObject s, String path) {
    checks.keys(s, path, "action", "object_type_id", "object_id", "attributes");
    String action = checks.text(s, path, "action", true);
    if (action != null && !action.equals("relate") && !action.equals("unrelate")) {
      checks.problem(path + ".action", "must be relate or unrelate, not '" + action + "'");
    }
    objectType(s, path);
    objectId(s, path, true);
    checks.optionalObject(s, path, "attributes");
    if ("unrelate".equals(action) && s.containsKey("attributes")) {
      checks.problem(path + ".attributes", "only a relate action has attributes");
    }
  }

  /** {@code {"journey_id":N,"data":{…}}}. */
  void startJourney(JsonObject s, String path) {
    checks.keys(s, path, "journey_id", "data");
    checks.integer(s, path, "journey_id", true, 1, Long.MAX_VALUE);
    checks.optionalObject(s, path, "data");
  }

  private void objectType(JsonObject s, String path) {
    JsonValue type = s.get("object_type_id");
    if (type == null) {
      checks.problem(path + ".object_type_id", "is required");
    } else if (!TriggerDetails.ObjectTypes.valid(type)) {
      checks.problem(path + ".object_type_id", "must be an object type id such as \"1\"");
    }
  }

  private void objectId(JsonObject s, String path, boolean required) {
    String id = checks.text(s, path, "object_id", required);
    if (id != null && (id.isBlank() || id.length() > 1000)) {
      checks.problem(path + ".object_id", "must be 1 to 1000 characters (Liquid allowed)");
    }
  }

  /** Node ids of {@code start_journey} steps that start {@code journeyId} itself. */
  static List<String> selfStarts(JourneyDefinition d, long journeyId) {
    return d.nodes().values().stream()
        .filter(n -> n.type() == NodeType.START_JOURNEY)
        .filter(
            n ->
                n.settings().get("journey_id") instanceof jakarta.json.JsonNumber j
                    && j.isIntegral()
                    && j.longValue() == journeyId)
        .map(Node::id)
        .toList();
  }
}
