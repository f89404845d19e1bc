package io.herald.ingest.internal;

import io.herald.events.api.DeliveryMetric;
import io.herald.events.api.DeliveryMetrics;
import io.herald.events.api.EventLimits;
import io.herald.events.api.EventService;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import io.herald.people.api.InvalidPersonDataException;
import io.herald.people.api.MergeResult;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies Track API v2 entities ({@code /api/v2/entity}, {@code /api/v2/batch}) in order. Person
 * events of one request are committed together (group commit), and before any later call that
 * changes people, so a batch takes effect in its order.
 */
@ApplicationScoped
public class TrackEntities {

  /** Largest entity, in bytes of its JSON (Customer.io's 32 KB). */
  public static final int MAX_ENTITY_BYTES = 32 * 1024;

  @Inject PeopleService people;

  @Inject EventService events;

  @Inject Clock clock;

  @Inject ObjectEntities objectEntities;

  @Inject DeliveryMetrics deliveryMetrics;

  private static final java.util.Set<String> DELIVERY_EVENTS =
      java.util.Set.of("opened", "converted", "delivered");

  /** One error per entity index; entities without an error were applied. */
  public List<Optional<EntityError>> apply(WorkspaceId workspace, List<JsonValue> entities) {
    List<Optional<EntityError>> results = new ArrayList<>(entities.size());
    List<NewEvent> pending = new ArrayList<>();
    for (JsonValue raw : entities) {
      results.add(Optional.ofNullable(one(workspace, raw, pending)));
    }
    commit(workspace, pending);
    return results;
  }

  private EntityError one(WorkspaceId workspace, JsonValue raw, List<NewEvent> pending) {
    if (raw.getValueType() != JsonValue.ValueType.OBJECT) {
      return EntityError.invalid("", "an entity must be a JSON object");
    }
    JsonObject entity = raw.asJsonObject();
    if (entity.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > MAX_ENTITY_BYTES) {
      return EntityError.invalid("", "entity larger than " + MAX_ENTITY_BYTES + " bytes");
    }
    List<String> problems = new ArrayList<>();
    String type = Fields.string(entity, "type", problems);
    String action = Fields.string(entity, "action", problems);
    if (!problems.isEmpty() || type == null || action == null) {
      return EntityError.invalid(
          type == null ? "type" : "action", "type and action are required strings");
    }
    return switch (type) {
      case "person" -> person(workspace, action, entity, pending);
      case "object" -> {
        commit(workspace, pending);
        yield objectEntities.apply(workspace, action, entity);
      }
      case "delivery" -> delivery(workspace, action, entity);
      default ->
          EntityError.invalid(
              "type", "type " + type + " is not supported; use person, object or delivery");
    };
  }

  private EntityError person(
      WorkspaceId workspace, String action, JsonObject entity, List<NewEvent> pending) {
    if (action.equals("merge")) {
      commit(workspace, pending);
      return merge(workspace, entity);
    }
    List<String> problems = new ArrayList<>();
    JsonValue identifiers = entity.get("identifiers");
    if (identifiers == null || identifiers.getValueType() != JsonValue.ValueType.OBJECT) {
      return EntityError.invalid("identifiers", "identifiers must be an object");
    }
    Optional<PersonRef> ref =
        PersonRef.fromIdentifiers(identifiers.asJsonObject(), "identifiers", problems);
    if (ref.isEmpty()) {
      return EntityError.invalid("identifiers", String.join("; ", problems));
    }
    switch (action) {
      case "identify" -> {
        commit(workspace, pending);
        JsonObject attributes = Fields.object(entity, "attributes", problems);
        if (!problems.isEmpty()) {
          return EntityError.invalid("attributes", String.join("; ", problems));
        }
        return objectEntities.identifyPerson(workspace, ref.get(), attributes, entity);
      }
      case "add_device" -> {
        commit(workspace, pending);
        JsonValue device = entity.get("device");
        if (device == null || device.getValueType() != JsonValue.ValueType.OBJECT) {
          return EntityError.invalid("device", "device must be an object with token and platform");
        }
        try {
          people.addDevice(workspace, ref.get(), device.asJsonObject());
        } catch (InvalidPersonDataException e) {
          return EntityError.invalid("device", String.join("; ", e.problems()));
        }
        return null;
      }
      case "delete_device" -> {
        commit(workspace, pending);
        JsonValue device = entity.get("device");
        String token = device instanceof JsonObject d ? Fields.string(d, "token", problems) : null;
        if (token == null) {
          return EntityError.invalid("device.token", "device.token is required");
        }
        people.deleteDevice(workspace, ref.get(), token);
        return null;
      }
      case "add_relationships", "delete_relationships" -> {
        commit(workspace, pending);
        return objectEntities.personRelationships(
            workspace, ref.get(), action.equals("add_relationships"), entity);
      }
      case "delete" -> {
        commit(workspace, pending);
        people.delete(workspace, ref.get());
        return null;
      }
      case "suppress" -> {
        commit(workspace, pending);
        people.suppress(workspace, ref.get());
        return null;
      }
      case "unsuppress" -> {
        commit(workspace, pending);
        people.unsuppress(workspace, ref.get());
        return null;
      }
      case "event", "page", "screen" -> {
        return event(workspace, ref.get(), action, entity, pending);
      }
      default -> {
        return EntityError.invalid(
            "action",
            "action "
                + action
                + " is not supported for person; use identify, delete, event, page, screen,"
                + " add_relationships, delete_relationships, add_device, delete_device, merge,"
                + " suppress or unsuppress");
      }
    }
  }

  private EntityError event(
      WorkspaceId workspace,
      PersonRef ref,
      String action,
      JsonObject entity,
      List<NewEvent> pending) {
    List<String> problems = new ArrayList<>();
    String name = Fields.string(entity, "name", problems);
    String id = Fields.string(entity, "id", problems);
    JsonObject data = Fields.object(entity, "attributes", problems);
    Instant at = clock.instant();
    JsonValue timestamp = entity.get("timestamp");
    if (timestamp != null && timestamp.getValueType() != JsonValue.ValueType.NULL) {
      if (timestamp.getValueType() != JsonValue.ValueType.NUMBER
          || !((JsonNumber) timestamp).isIntegral()
          || ((JsonNumber) timestamp).longValue() < 0
          || ((JsonNumber) timestamp).longValue() > 9_999_999_999L) {
        return EntityError.invalid("timestamp", "timestamp must be Unix seconds");
      }
      at = Instant.ofEpochSecond(((JsonNumber) timestamp).longValue());
    }
    if (name == null) {
      problems.add("name: required");
    }
    if (!problems.isEmpty()) {
      return EntityError.invalid(problems.get(0).split(":")[0], String.join("; ", problems));
    }
    List<String> limits = EventLimits.contentProblems(name.trim(), id, data);
    if (!limits.isEmpty()) {
      return EntityError.invalid(limits.get(0).split(":")[0], String.join("; ", limits));
    }
    Optional<PersonView> person = people.findOrCreate(workspace, ref);
    if (person.isEmpty()) {
      return null; // suppressed or unknown cio_id: dropped, as Customer.io does
    }
    EventType type =
        switch (action) {
          case "page" -> EventType.PAGE;
          case "screen" -> EventType.SCREEN;
          default -> EventType.EVENT;
        };
    pending.add(
        new NewEvent(
            new EventSubject.Person(person.get().cioId()),
            name.trim(),
            type,
            id,
            at,
            data,
            null,
            "track_v2"));
    return null;
  }

  /**
   * {@code delivery} {@code event}: opened, converted or delivered, with attributes.device_token.
   */
  private EntityError delivery(WorkspaceId workspace, String action, JsonObject entity) {
    if (!action.equals("event")) {
      return EntityError.invalid(
          "action", "action " + action + " is not supported for delivery; use event");
    }
    List<String> problems = new ArrayList<>();
    JsonValue identifiers = entity.get("identifiers");
    String deliveryId =
        identifiers instanceof JsonObject ids ? Fields.string(ids, "id", problems) : null;
    if (deliveryId == null
        || deliveryId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 150) {
      return EntityError.invalid(
          "identifiers.id", "identifiers.id (the delivery id) is required, at most 150 bytes");
    }
    String name = Fields.string(entity, "name", problems);
    if (name == null || !DELIVERY_EVENTS.contains(name)) {
      return EntityError.invalid("name", "name must be one of opened, converted, delivered");
    }
    JsonObject attributes = Fields.object(entity, "attributes", problems);
    String token = Fields.string(attributes, "device_token", problems);
    Instant at = clock.instant();
    JsonValue timestamp = entity.get("timestamp");
    if (timestamp instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0) {
      at = Instant.ofEpochSecond(n.longValue());
    } else if (timestamp != null && timestamp.getValueType() != JsonValue.ValueType.NULL) {
      return EntityError.invalid("timestamp", "timestamp must be Unix seconds");
    }
    if (!problems.isEmpty()) {
      return EntityError.invalid("attributes", String.join("; ", problems));
    }
    deliveryMetrics.record(
        workspace, new DeliveryMetric(deliveryId, name, at, null, null, null, token, "track_v2"));
    return null;
  }

  private EntityError merge(WorkspaceId workspace, JsonObject entity) {
    List<String> problems = new ArrayList<>();
    Optional<PersonRef> primary = side(entity, "primary", problems);
    Optional<PersonRef> secondary = side(entity, "secondary", problems);
    if (primary.isEmpty() || secondary.isEmpty()) {
      return EntityError.invalid(
          primary.isEmpty() ? "primary" : "secondary", String.join("; ", problems));
    }
    MergeResult result = people.merge(workspace, primary.get(), secondary.get());
    return switch (result.outcome()) {
      case NO_PRIMARY -> new EntityError("not_found", "primary", "no person matches primary");
      case NO_SECONDARY -> new EntityError("not_found", "secondary", "no person matches secondary");
      default -> null;
    };
  }

  private static Optional<PersonRef> side(JsonObject entity, String field, List<String> problems) {
    JsonValue value = entity.get(field);
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      problems.add(field + " must be an object with exactly one of id, email, cio_id");
      return Optional.empty();
    }
    return PersonRef.fromIdentifiers(value.asJsonObject(), field, problems);
  }

  private void commit(WorkspaceId workspace, List<NewEvent> pending) {
    events.record(workspace, pending);
    pending.clear();
  }
}
