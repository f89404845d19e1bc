package io.herald.ingest.internal;

import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectNotFoundException;
import io.herald.objects.api.ObjectRef;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.PersonRelationshipSpec;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Pipelines calls that act on custom objects: group and the object semantic events. */
@ApplicationScoped
public class ObjectCalls {

  /** The object type a group call without {@code traits.object_type_id} belongs to. */
  static final String DEFAULT_TYPE = "1";

  @Inject ObjectService objects;

  @Inject PeopleService people;

  /**
   * {@code group}: creates or updates the object {@code groupId} of type {@code
   * traits.object_type_id} (default {@code "1"}) with the other traits as attributes, and relates
   * the {@code userId} person (created if new) — or the person an {@code anonymousId} was
   * identified as — to it.
   */
  void group(WorkspaceId workspace, JsonObject message, List<String> problems) {
    String groupId = Fields.string(message, "groupId", problems);
    JsonObject traits = Fields.object(message, "traits", problems);
    if (groupId == null) {
      problems.add("groupId: required for group");
    }
    if (!problems.isEmpty()) {
      return;
    }
    String typeId = typeId(traits.get("object_type_id"), DEFAULT_TYPE, problems);
    JsonObjectBuilder attributes = Jsons.createObjectBuilder();
    for (Map.Entry<String, JsonValue> trait : traits.entrySet()) {
      if (!trait.getKey().equals("object_type_id")) {
        attributes.add(trait.getKey(), trait.getValue());
      }
    }
    Optional<PersonView> member = member(workspace, message, problems);
    if (!problems.isEmpty()) {
      return;
    }
    try {
      objects.identify(
          workspace,
          ObjectRef.of(typeId, groupId),
          attributes.build(),
          member
              .map(
                  p ->
                      List.of(
                          new PersonRelationshipSpec(
                              new PersonRef(IdType.CIO_ID, p.cioId()),
                              JsonValue.EMPTY_JSON_OBJECT)))
              .orElse(List.of()));
    } catch (InvalidObjectDataException e) {
      e.problems().forEach(p -> problems.add(p.message()));
    }
  }

  /**
   * {@code Relationship Deleted} ({@code properties.objectTypeId}, {@code properties.objectId}):
   * the {@code userId} person is no longer related to that object.
   */
  void relationshipDeleted(WorkspaceId workspace, JsonObject message, List<String> problems) {
    String userId = Fields.string(message, "userId", problems);
    Optional<ObjectRef> object = objectOf(message, problems);
    if (userId == null) {
      problems.add("userId: required for Relationship Deleted");
    }
    if (!problems.isEmpty() || object.isEmpty()) {
      return;
    }
    people
        .find(workspace, new PersonRef(IdType.ID, userId))
        .ifPresent(p -> objects.unrelatePerson(workspace, p.cioId(), List.of(object.get())));
  }

  /** {@code Object Deleted} ({@code properties.objectTypeId}, {@code properties.objectId}). */
  void objectDeleted(WorkspaceId workspace, JsonObject message, List<String> problems) {
    Optional<ObjectRef> object = objectOf(message, problems);
    if (problems.isEmpty() && object.isPresent()) {
      try {
        objects.delete(workspace, object.get());
      } catch (ObjectNotFoundException e) {
        // deleting an object that is not there leaves nothing to do
      }
    }
  }

  private Optional<ObjectRef> objectOf(JsonObject message, List<String> problems) {
    JsonObject properties = Fields.object(message, "properties", problems);
    JsonValue type = properties.getOrDefault("objectTypeId", properties.get("object_type_id"));
    JsonValue id = properties.getOrDefault("objectId", properties.get("object_id"));
    String typeId = typeId(type, DEFAULT_TYPE, problems);
    if (!(id instanceof JsonString objectId) || objectId.getString().isEmpty()) {
      problems.add("properties.objectId: required string");
      return Optional.empty();
    }
    try {
      return problems.isEmpty()
          ? Optional.of(ObjectRef.of(typeId, objectId.getString()))
          : Optional.empty();
    } catch (InvalidObjectDataException e) {
      e.problems().forEach(p -> problems.add(p.message()));
      return Optional.empty();
    }
  }

  private Optional<PersonView> member(
      WorkspaceId workspace, JsonObject message, List<String> problems) {
    String userId = Fields.string(message, "userId", problems);
    String anonymousId = Fields.string(message, "anonymousId", problems);
    if (userId != null) {
      PersonRef ref = new PersonRef(IdType.ID, userId);
      if (!ref.wellFormed()) {
        problems.add("userId: must be 1 to " + PersonRef.MAX_BYTES + " bytes");
        return Optional.empty();
      }
      return people.findOrCreate(workspace, ref);
    }
    if (anonymousId != null) {
      return people.findByAnonymousId(workspace, anonymousId);
    }
    problems.add("userId or anonymousId: one is required");
    return Optional.empty();
  }

  /** An object type id given as a string or a whole number, or {@code fallback} when absent. */
  static String typeId(JsonValue value, String fallback, List<String> problems) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return fallback;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      return n.bigIntegerValue().toString();
    }
    problems.add("object_type_id: must be a string or a whole number");
    return fallback;
  }
}
