package io.herald.ingest.internal;

import io.herald.objects.api.CioRelationships;
import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectRef;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.PersonRelationshipSpec;
import io.herald.objects.api.RelationshipSpec;
import io.herald.people.api.IdType;
import io.herald.people.api.IdentifyResult;
import io.herald.people.api.InvalidPersonDataException;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Track API v2 entities that involve custom objects: a person's {@code cio_relationships} on
 * identify and {@code add_relationships}/{@code delete_relationships}, and the {@code object}
 * type's actions.
 */
@ApplicationScoped
public class ObjectEntities {

  private static final String RELATIONSHIPS = "cio_relationships";

  @Inject ObjectService objects;

  @Inject PeopleService people;

  /** Person identify, with its relationships validated before anything is written. */
  EntityError identifyPerson(
      WorkspaceId workspace, PersonRef ref, JsonObject attributes, JsonObject entity) {
    List<RelationshipSpec> relationships = List.of();
    if (entity.containsKey(RELATIONSHIPS)) {
      try {
        relationships = CioRelationships.objects(entity.get(RELATIONSHIPS), RELATIONSHIPS);
      } catch (InvalidObjectDataException e) {
        return error(e);
      }
    }
    IdentifyResult result;
    try {
      result = people.identify(workspace, ref, attributes);
    } catch (InvalidPersonDataException e) {
      return EntityError.invalid("attributes", String.join("; ", e.problems()));
    }
    if (!relationships.isEmpty()
        && (result.outcome() == IdentifyResult.Outcome.CREATED
            || result.outcome() == IdentifyResult.Outcome.UPDATED)) {
      try {
        objects.relatePerson(workspace, result.cioId(), relationships);
      } catch (InvalidObjectDataException e) {
        return error(e);
      }
    }
    return null;
  }

  /** A person's {@code add_relationships} or {@code delete_relationships}. */
  EntityError personRelationships(
      WorkspaceId workspace, PersonRef ref, boolean add, JsonObject entity) {
    List<RelationshipSpec> relationships;
    try {
      relationships = CioRelationships.objects(required(entity), RELATIONSHIPS);
    } catch (InvalidObjectDataException e) {
      return error(e);
    }
    Optional<PersonView> person =
        add ? people.findOrCreate(workspace, ref) : people.find(workspace, ref);
    if (person.isEmpty()) {
      return add
          ? new EntityError("not_found", "identifiers", "the person is suppressed or unknown")
          : null;
    }
    try {
      if (add) {
        objects.relatePerson(workspace, person.get().cioId(), relationships);
      } else {
        objects.unrelatePerson(
            workspace,
            person.get().cioId(),
            relationships.stream().map(RelationshipSpec::object).toList());
      }
    } catch (InvalidObjectDataException e) {
      return error(e);
    }
    return null;
  }

  /** The {@code object} type's actions. */
  EntityError apply(WorkspaceId workspace, String action, JsonObject entity) {
    ObjectRef ref;
    try {
      ref = ObjectRef.fromIdentifiers(entity.get("identifiers"), "identifiers");
    } catch (InvalidObjectDataException e) {
      return error(e);
    }
    List<String> problems = new ArrayList<>();
    try {
      switch (action) {
        case "identify", "identify_anonymous" -> {
          JsonObject attributes = Fields.object(entity, "attributes", problems);
          if (!problems.isEmpty()) {
            return EntityError.invalid("attributes", String.join("; ", problems));
          }
          List<PersonRelationshipSpec> specs = new ArrayList<>();
          EntityError bad = peopleSpecs(workspace, entity, action, specs);
          if (bad != null && !bad.reason().equals("not_found")) {
            return bad;
          }
          objects.identify(workspace, ref, attributes, specs);
          return bad; // visitors not yet identified are reported, the rest is kept
        }
        case "delete" -> {
          objects.delete(workspace, ref);
          return null;
        }
        case "add_relationships" -> {
          List<PersonRelationshipSpec> specs = new ArrayList<>();
          EntityError bad = peopleSpecs(workspace, entity, "identify", specs);
          if (bad != null) {
            return bad;
          }
          if (!entity.containsKey(RELATIONSHIPS)) {
            return EntityError.invalid(RELATIONSHIPS, "cio_relationships is required");
          }
          objects.identify(workspace, ref, JsonValue.EMPTY_JSON_OBJECT, specs);
          return null;
        }
        case "delete_relationships" -> {
          List<PersonRelationshipSpec> specs = new ArrayList<>();
          if (!entity.containsKey(RELATIONSHIPS)) {
            return EntityError.invalid(RELATIONSHIPS, "cio_relationships is required");
          }
          EntityError bad = peopleSpecs(workspace, entity, "identify", specs);
          if (bad != null) {
            return bad;
          }
          for (PersonRelationshipSpec spec : specs) {
            people
                .find(workspace, spec.person())
                .ifPresent(p -> objects.unrelatePerson(workspace, p.cioId(), List.of(ref)));
          }
          return null;
        }
        default -> {
          return EntityError.invalid(
              "action",
              "action "
                  + action
                  + " is not supported for object; use identify, identify_anonymous, delete,"
                  + " add_relationships or delete_relationships");
        }
      }
    } catch (InvalidObjectDataException e) {
      return error(e);
    } catch (io.herald.objects.api.ObjectNotFoundException e) {
      return new EntityError("not_found", "identifiers", e.getMessage());
    }
  }

  /**
   * The people an object entity's {@code cio_relationships} name. With {@code identify_anonymous}
   * they are anonymous ids, which count once the visitor was identified as a person.
   */
  private EntityError peopleSpecs(
      WorkspaceId workspace, JsonObject entity, String action, List<PersonRelationshipSpec> out) {
    if (!entity.containsKey(RELATIONSHIPS)) {
      return null;
    }
    if (!action.equals("identify_anonymous")) {
      try {
        out.addAll(CioRelationships.people(entity.get(RELATIONSHIPS), RELATIONSHIPS));
        return null;
      } catch (InvalidObjectDataException e) {
        return error(e);
      }
    }
    JsonValue value = entity.get(RELATIONSHIPS);
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      return EntityError.invalid(RELATIONSHIPS, "cio_relationships must be an array");
    }
    List<String> unknown = new ArrayList<>();
    int i = 0;
    for (JsonValue item : value.asJsonArray()) {
      String where = RELATIONSHIPS + "[" + i++ + "]";
      if (!(item instanceof JsonObject relationship)
          || !(relationship.get("identifiers") instanceof JsonObject identifiers)
          || !(identifiers.get("anonymous_id") instanceof JsonString anonymous)) {
        return EntityError.invalid(where, "needs identifiers.anonymous_id (a string)");
      }
      JsonObject attributes =
          relationship.get("relationship_attributes") instanceof JsonObject a
              ? a
              : JsonValue.EMPTY_JSON_OBJECT;
      Optional<PersonView> person = people.findByAnonymousId(workspace, anonymous.getString());
      if (person.isPresent()) {
        out.add(
            new PersonRelationshipSpec(
                new PersonRef(IdType.CIO_ID, person.get().cioId()), attributes));
      } else {
        unknown.add(anonymous.getString());
      }
    }
    return unknown.isEmpty()
        ? null
        : new EntityError(
            "not_found",
            RELATIONSHIPS,
            "anonymous ids not identified as a person yet (relationships not kept): " + unknown);
  }

  private static JsonValue required(JsonObject entity) {
    JsonValue value = entity.get(RELATIONSHIPS);
    return value == null ? JsonValue.NULL : value;
  }

  private static EntityError error(InvalidObjectDataException e) {
    var first = e.problems().get(0);
    return EntityError.invalid(
        first.field(), String.join("; ", e.problems().stream().map(p -> p.message()).toList()));
  }
}
