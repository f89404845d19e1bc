package io.herald.journeys.internal;

import io.herald.messaging.api.ChannelFields;
import io.herald.messaging.api.ChannelSend;
import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectNotFoundException;
import io.herald.objects.api.ObjectRef;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.Page;
import io.herald.objects.api.PageRequest;
import io.herald.objects.api.RelationshipSpec;
import io.herald.objects.api.RelationshipView;
import io.herald.people.api.IdType;
import io.herald.people.api.InvalidPersonDataException;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.segments.api.ConditionMatcher;
import io.herald.segments.api.MembershipResult;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.WriteOutcome;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.shared.json.JsonJava;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Steps' effects through the messaging, people and segments apis. */
@ApplicationScoped
class ServiceEffects implements Effects {

  /** Further attempts of a journey's webhook call after a 5xx, a 408 or no answer. */
  static final int DEFAULT_WEBHOOK_RETRIES = 2;

  @Inject MessageService messages;

  @Inject PeopleService people;

  @Inject SegmentService segments;

  @Inject ConditionMatcher matcher;

  @Inject WorkspaceService workspaces;

  @Inject TestMessages tests;

  @Inject ObjectService objects;

  @Inject SendPreviews previews;

  @Override
  public String sendEmail(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String key) {
    JsonValue messageId = settings.get("message_id");
    EmailSend send =
        new EmailSend(
            messageId == null
                ? null
                : messageId instanceof JsonString s ? s.getString() : messageId.toString(),
            new PersonRef(IdType.CIO_ID, cioId),
            text(settings, "to"),
            JsonJava.toMap(data),
            text(settings, "from"),
            text(settings, "reply_to"),
            text(settings, "subject"),
            null,
            text(settings, "body"),
            text(settings, "body_plain"),
            null,
            null,
            null,
            false,
            // Journeys are not transactional: people who unsubscribed do not get them.
            Boolean.FALSE,
            false,
            true,
            null,
            null,
            false);
    try {
      return messages.sendEmail(ws, send, key).deliveryId();
    } catch (InvalidMessageException e) {
      throw new StepFailure(String.join("; ", e.problems()));
    } catch (NotFoundException e) {
      throw new StepFailure(e.getMessage());
    }
  }

  @Override
  public String send(
      WorkspaceId ws,
      String cioId,
      String channel,
      JsonObject settings,
      JsonObject data,
      String key) {
    JsonValue messageId = settings.get("message_id");
    return queue(
        ws,
        channel,
        messageId == null
            ? null
            : messageId instanceof JsonString s ? s.getString() : messageId.toString(),
        cioId,
        text(settings, "to"),
        data,
        inlineContent(channel, settings),
        key);
  }

  @Override
  public String sendTest(
      WorkspaceId ws, String cioId, String channel, JsonObject settings, JsonObject data) {
    return tests.send(ws, cioId, channel, settings, data);
  }

  @Override
  public Rendered render(
      WorkspaceId ws, String cioId, String channel, JsonObject settings, JsonObject data) {
    return previews.render(ws, cioId, channel, settings, data);
  }

  @Override
  public String callWebhook(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String key) {
    Map<String, Object> content = inlineContent("webhook", settings);
    // A journey waits for the answer, so it gives up sooner than messaging's default.
    content.putIfAbsent("retries", DEFAULT_WEBHOOK_RETRIES);
    return queue(ws, "webhook", null, cioId, null, data, content, key);
  }

  /** Queues a keyed send of a channel other than email; a refusal is the step's failure. */
  private String queue(
      WorkspaceId ws,
      String channel,
      String messageId,
      String cioId,
      String to,
      JsonObject data,
      Map<String, Object> content,
      String key) {
    ChannelSend send =
        new ChannelSend(
            channel,
            messageId,
            new PersonRef(IdType.CIO_ID, cioId),
            to,
            JsonJava.toMap(data),
            content,
            null,
            null,
            null,
            false,
            // Journeys are not transactional: people who unsubscribed do not get them.
            Boolean.FALSE,
            false);
    try {
      return messages.send(ws, send, key).deliveryId();
    } catch (InvalidMessageException e) {
      throw new StepFailure(String.join("; ", e.problems()));
    } catch (NotFoundException e) {
      throw new StepFailure(e.getMessage());
    }
  }

  @Override
  public Optional<CallOutcome> outcome(WorkspaceId ws, String deliveryId) {
    Optional<DeliveryView> found = messages.delivery(ws, deliveryId);
    if (found.isEmpty()) {
      return Optional.of(new CallOutcome(false, "delivery " + deliveryId + " is gone", null));
    }
    DeliveryView d = found.get();
    switch (d.state()) {
      case "sent", "delivered":
        return Optional.of(new CallOutcome(true, null, d.response()));
      case "failed", "bounced", "dropped":
        return Optional.of(
            new CallOutcome(false, d.reason() == null ? d.state() : d.reason(), d.response()));
      default:
        return Optional.empty();
    }
  }

  /** The channel's message fields present in a step's settings ({@link ChannelFields}). */
  private static Map<String, Object> inlineContent(String channel, JsonObject settings) {
    Map<String, Object> content = new LinkedHashMap<>();
    for (ChannelFields.Field field : ChannelFields.of(channel)) {
      JsonValue v = settings.get(field.name());
      if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
        content.put(field.name(), JsonJava.toJava(v));
      }
    }
    return content;
  }

  @Override
  public Optional<Map<String, Instant>> deliveryMetrics(WorkspaceId ws, String deliveryId) {
    return messages.delivery(ws, deliveryId).map(DeliveryView::metrics);
  }

  @Override
  public void updateAttributes(WorkspaceId ws, String cioId, JsonObject attributes) {
    try {
      people.identify(ws, new PersonRef(IdType.CIO_ID, cioId), attributes);
    } catch (InvalidPersonDataException e) {
      throw new StepFailure(e.getMessage());
    }
  }

  @Override
  public void segment(WorkspaceId ws, long segmentId, String cioId, boolean add) {
    List<PersonRef> refs = List.of(new PersonRef(IdType.CIO_ID, cioId));
    MembershipResult result =
        add
            ? segments.addMembers(ws, segmentId, refs)
            : segments.removeMembers(ws, segmentId, refs);
    if (result.outcome() == WriteOutcome.NO_SUCH_SEGMENT) {
      throw new StepFailure("segment " + segmentId + " does not exist");
    }
    if (result.outcome() != WriteOutcome.DONE) {
      throw new StepFailure("segment " + segmentId + " is not a manual segment");
    }
  }

  @Override
  public boolean matches(
      WorkspaceId ws,
      String cioId,
      ConditionDocument conditions,
      Instant now,
      ConditionMatcher.Hypothesis hypothesis) {
    return matcher.matches(ws, cioId, conditions, now, hypothesis);
  }

  @Override
  public ZoneId zoneOf(WorkspaceId ws, String cioId) {
    return people
        .find(ws, new PersonRef(IdType.CIO_ID, cioId))
        .map(p -> p.attributes().get("timezone"))
        .filter(
            v -> v instanceof JsonString s && ZoneId.getAvailableZoneIds().contains(s.getString()))
        .map(v -> ZoneId.of(((JsonString) v).getString()))
        .orElseGet(() -> workspaces.timeZone(ws));
  }

  @Override
  public Optional<JsonObject> attributes(WorkspaceId ws, String cioId) {
    return people.find(ws, new PersonRef(IdType.CIO_ID, cioId)).map(p -> p.attributes());
  }

  @Override
  public List<Person> people(WorkspaceId ws, String afterCioId, int limit) {
    return people.scan(ws, afterCioId, limit).stream()
        .map(p -> new Person(p.cioId(), p.attributes()))
        .toList();
  }

  @Override
  public Optional<String> cioIdOf(WorkspaceId ws, String idType, String value) {
    IdType type =
        switch (idType) {
          case "id" -> IdType.ID;
          case "cio_id" -> IdType.CIO_ID;
          default -> IdType.EMAIL;
        };
    return people.find(ws, new PersonRef(type, value)).map(p -> p.cioId());
  }

  @Override
  public List<String> relatedPeople(WorkspaceId ws, String cioObjectId) {
    List<String> found = new ArrayList<>();
    String start = "";
    try {
      while (true) {
        Page<RelationshipView> page =
            objects.relationshipsOfObject(
                ws,
                ObjectRef.ofCioObjectId(cioObjectId),
                new PageRequest(start, PageRequest.MAX_LIMIT));
        page.items().forEach(r -> found.add(r.personCioId()));
        if (page.next().isEmpty()) {
          return found;
        }
        start = page.next();
      }
    } catch (ObjectNotFoundException e) {
      return found; // deleted since: nobody is related any more
    }
  }

  @Override
  public int updateObject(
      WorkspaceId ws, String cioId, String typeId, String objectId, JsonObject attributes) {
    try {
      if (objectId != null) {
        objects.identify(ws, ObjectRef.of(typeId, objectId), attributes, List.of());
        return 1;
      }
      List<ObjectRef> related = new ArrayList<>();
      String start = "";
      while (true) {
        Page<RelationshipView> page =
            objects.relationshipsOfPerson(ws, cioId, new PageRequest(start, PageRequest.MAX_LIMIT));
        page.items().stream()
            .filter(r -> r.object().typeId().equals(typeId))
            .forEach(r -> related.add(ObjectRef.ofCioObjectId(r.object().cioObjectId())));
        if (page.next().isEmpty()) {
          break;
        }
        start = page.next();
      }
      for (ObjectRef ref : related) {
        objects.identify(ws, ref, attributes, List.of());
      }
      return related.size();
    } catch (InvalidObjectDataException e) {
      throw new StepFailure(String.join("; ", e.messages()));
    } catch (ObjectNotFoundException e) {
      throw new StepFailure(e.getMessage());
    }
  }

  @Override
  public void relationship(
      WorkspaceId ws,
      String cioId,
      String typeId,
      String objectId,
      boolean relate,
      JsonObject attributes) {
    try {
      ObjectRef ref = ObjectRef.of(typeId, objectId);
      if (relate) {
        objects.relatePerson(
            ws,
            cioId,
            List.of(
                new RelationshipSpec(
                    ref, attributes == null ? JsonValue.EMPTY_JSON_OBJECT : attributes)));
      } else {
        objects.unrelatePerson(ws, cioId, List.of(ref));
      }
    } catch (InvalidObjectDataException e) {
      throw new StepFailure(String.join("; ", e.messages()));
    }
  }

  private static String text(JsonObject settings, String key) {
    return settings.get(key) instanceof JsonString s ? s.getString() : null;
  }
}
