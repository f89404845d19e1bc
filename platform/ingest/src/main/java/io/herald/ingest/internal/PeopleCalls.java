package io.herald.ingest.internal;

import io.herald.events.api.DeliveryMetric;
import io.herald.events.api.DeliveryMetrics;
import io.herald.events.api.EventSubject;
import io.herald.people.api.IdType;
import io.herald.people.api.IdentifyAnswer;
import io.herald.people.api.IdentifyCall;
import io.herald.people.api.IdentifyResult;
import io.herald.people.api.InvalidPersonDataException;
import io.herald.people.api.MergeResult;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Pipelines calls that act on people: identify, alias, the people semantic events. */
@ApplicationScoped
public class PeopleCalls {

  private static final Set<String> SEMANTIC =
      Set.of(
          "User Deleted",
          "User Suppressed",
          "User Unsuppressed",
          "Device Created or Updated",
          "Device Deleted",
          "Relationship Deleted",
          "Object Deleted",
          "Report Delivery Event",
          "Report Content Event");

  @Inject PeopleService people;

  @Inject ObjectCalls objectCalls;

  @Inject DeliveryMetrics deliveryMetrics;

  @Inject java.time.Clock clock;

  /** Whether {@code name} is one of Customer.io's semantic track events. */
  static boolean isSemantic(String name) {
    return SEMANTIC.contains(name);
  }

  /**
   * The people call an {@code identify} message asks for, or, with {@code problems} filled, none:
   * the traits become attributes of the person {@code userId} names (created if new); {@code
   * createdAt} (ISO-8601) becomes {@code created_at} (Unix seconds); an {@code anonymousId} links
   * that visitor to the person. The calls of consecutive identify messages are then made together
   * ({@link #identifyAll}).
   */
  Optional<IdentifyCall> identifyCall(JsonObject message, List<String> problems) {
    String userId = Fields.string(message, "userId", problems);
    String anonymousId = Fields.string(message, "anonymousId", problems);
    JsonObject traits = Fields.object(message, "traits", problems);
    if (userId == null && problems.isEmpty()) {
      problems.add("userId: required for identify (an anonymous visitor's traits are not kept)");
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    JsonObjectBuilder body = Jsons.createObjectBuilder();
    for (Map.Entry<String, JsonValue> trait : traits.entrySet()) {
      switch (trait.getKey()) {
        case "id", "userId", "anonymous_id" -> {
          // identifiers come from the envelope, not from traits
        }
        case "createdAt", "created_at" -> createdAt(trait.getValue(), body, problems);
        default -> body.add(trait.getKey(), trait.getValue());
      }
    }
    if (anonymousId != null) {
      body.add("anonymous_id", anonymousId);
    }
    return problems.isEmpty()
        ? Optional.of(new IdentifyCall(user(userId), body.build()))
        : Optional.empty();
  }

  /**
   * Makes the identify calls in order, committed together where possible.
   *
   * @return per call, why its message was not applied (empty when it was)
   */
  List<List<String>> identifyAll(WorkspaceId workspace, List<IdentifyCall> calls) {
    List<IdentifyAnswer> answers = people.identifyAll(workspace, calls);
    List<List<String>> problems = new ArrayList<>(answers.size());
    for (int i = 0; i < answers.size(); i++) {
      IdentifyAnswer answer = answers.get(i);
      IdentifyResult result = answer.result();
      if (result == null) {
        problems.add(answer.problems());
      } else if (result.outcome() == IdentifyResult.Outcome.CONFLICT
          || result.outcome() == IdentifyResult.Outcome.SKIPPED_SUPPRESSED) {
        problems.add(List.of("userId " + calls.get(i).ref().value() + ": " + result.detail()));
      } else {
        problems.add(List.of());
      }
    }
    return problems;
  }

  /**
   * {@code alias}: {@code previousId} becomes {@code userId}. Two known people are merged (the
   * {@code userId} person remains); a known previous id alone is renamed; an unknown previous id is
   * an anonymous id, linked to the {@code userId} person.
   */
  void alias(WorkspaceId workspace, JsonObject message, List<String> problems) {
    String userId = Fields.string(message, "userId", problems);
    String previousId = Fields.string(message, "previousId", problems);
    if (userId == null) {
      problems.add("userId: required for alias");
    }
    if (previousId == null) {
      problems.add("previousId: required for alias");
    }
    if (!problems.isEmpty() || userId.equals(previousId)) {
      return;
    }
    Optional<PersonView> previous = people.find(workspace, user(previousId));
    Optional<PersonView> current = people.find(workspace, user(userId));
    if (previous.isPresent() && current.isPresent()) {
      MergeResult merged = people.merge(workspace, user(userId), user(previousId));
      if (merged.outcome() != MergeResult.Outcome.MERGED) {
        problems.add("alias: merge not applied (" + merged.outcome() + ")");
      }
    } else if (previous.isPresent()) {
      identifyOrProblem(
          workspace, user(previousId), Jsons.createObjectBuilder().add("id", userId), problems);
    } else {
      identifyOrProblem(
          workspace,
          user(userId),
          Jsons.createObjectBuilder().add("anonymous_id", previousId),
          problems);
    }
  }

  /**
   * Customer.io's people semantic events ({@code User Deleted}, {@code User Suppressed}, {@code
   * User Unsuppressed}); the others are rejected with the reason rather than stored as plain
   * events.
   */
  void semantic(WorkspaceId workspace, String name, JsonObject message, List<String> problems) {
    switch (name) {
      case "User Deleted", "User Suppressed", "User Unsuppressed" -> {
        String userId = Fields.string(message, "userId", problems);
        if (userId == null) {
          problems.add("userId: required for " + name);
          return;
        }
        switch (name) {
          case "User Deleted" -> people.delete(workspace, user(userId));
          case "User Suppressed" -> people.suppress(workspace, user(userId));
          default -> people.unsuppress(workspace, user(userId));
        }
      }
      case "Device Created or Updated", "Device Deleted" ->
          device(workspace, name, message, problems);
      case "Report Delivery Event" -> deliveryEvent(message, workspace, problems);
      case "Relationship Deleted" -> objectCalls.relationshipDeleted(workspace, message, problems);
      case "Object Deleted" -> objectCalls.objectDeleted(workspace, message, problems);
      default -> problems.add(name + ": this semantic event is not supported by this build yet");
    }
  }

  /**
   * {@code Device Created or Updated} / {@code Device Deleted}: the device is {@code
   * context.device} ({@code token}, {@code type} as the platform), or {@code properties.device} as
   * Customer.io's JavaScript examples send it; other {@code properties} become device attributes.
   */
  private void device(
      WorkspaceId workspace, String name, JsonObject message, List<String> problems) {
    String userId = Fields.string(message, "userId", problems);
    JsonObject context = Fields.object(message, "context", problems);
    JsonObject properties = Fields.object(message, "properties", problems);
    JsonObject device = Fields.object(context, "device", problems);
    if (!device.containsKey("token")) {
      device = Fields.object(properties, "device", problems);
    }
    String token = Fields.string(device, "token", problems);
    if (userId == null) {
      problems.add("userId: required for " + name);
    }
    if (token == null) {
      problems.add("context.device.token: required for " + name);
    }
    if (!problems.isEmpty()) {
      return;
    }
    if (name.equals("Device Deleted")) {
      people.deleteDevice(workspace, user(userId), token);
      return;
    }
    JsonObjectBuilder attributes = Jsons.createObjectBuilder();
    properties.forEach(
        (key, value) -> {
          if (!key.equals("device")
              && value.getValueType() != JsonValue.ValueType.OBJECT
              && value.getValueType() != JsonValue.ValueType.ARRAY) {
            attributes.add(key, value);
          }
        });
    JsonObjectBuilder body =
        Jsons.createObjectBuilder().add("token", token).add("attributes", attributes);
    String platform = Fields.string(device, "type", problems);
    if (platform != null) {
      body.add("platform", platform);
    }
    try {
      people.addDevice(workspace, user(userId), body.build());
    } catch (InvalidPersonDataException e) {
      problems.addAll(e.problems());
    }
  }

  /**
   * {@code Report Delivery Event}: {@code properties.deliveryId} and {@code properties.metric}
   * (opened, clicked, converted, delivered, bounced, …), with optional {@code recipient}, {@code
   * reason}, {@code href}; stored as a delivery metric like {@code /api/v1/metrics}.
   */
  private void deliveryEvent(JsonObject message, WorkspaceId workspace, List<String> problems) {
    JsonObject properties = Fields.object(message, "properties", problems);
    String deliveryId = Fields.string(properties, "deliveryId", problems);
    String metric = Fields.string(properties, "metric", problems);
    if (deliveryId == null) {
      problems.add("properties.deliveryId: required for Report Delivery Event");
    }
    if (metric == null || !DeliveryMetric.METRICS.contains(metric)) {
      problems.add(
          "properties.metric: one of "
              + String.join(", ", DeliveryMetric.METRICS.stream().sorted().toList()));
    }
    java.time.Instant at =
        MessageTime.occurredAt(message, MessageTime.BatchSentAt.NONE, clock.instant(), problems);
    if (!problems.isEmpty()) {
      return;
    }
    deliveryMetrics.record(
        workspace,
        new DeliveryMetric(
            deliveryId,
            metric,
            at,
            Fields.string(properties, "recipient", problems),
            Fields.string(properties, "reason", problems),
            Fields.string(properties, "href", problems),
            null,
            "pipelines"));
  }

  /**
   * The cio_ids of the people the {@code userId}s name, looked up in one query (a batch of events
   * for known people then costs no lookup per event).
   */
  Map<String, String> resolveUsers(WorkspaceId workspace, Set<String> userIds) {
    Map<String, String> resolved = new HashMap<>();
    Set<String> valid = new HashSet<>();
    for (String userId : userIds) {
      if (user(userId).wellFormed()) {
        valid.add(userId);
      }
    }
    if (!valid.isEmpty()) {
      people.lookup(workspace, IdType.ID, valid).forEach((id, p) -> resolved.put(id, p.cioId()));
    }
    return resolved;
  }

  /**
   * Whom an event is about: the {@code userId} person (created if new, as Customer.io does), else
   * the person an {@code anonymousId} was identified as, else the anonymous visitor.
   */
  Optional<EventSubject> subject(
      WorkspaceId workspace,
      JsonObject message,
      List<String> problems,
      Map<String, String> resolved) {
    String userId = Fields.string(message, "userId", problems);
    String anonymousId = Fields.string(message, "anonymousId", problems);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    if (userId != null) {
      PersonRef ref = user(userId);
      if (!ref.wellFormed()) {
        problems.add("userId: must be 1 to " + PersonRef.MAX_BYTES + " bytes");
        return Optional.empty();
      }
      String cioId = resolved.get(userId);
      if (cioId != null) {
        return Optional.of(new EventSubject.Person(cioId));
      }
      Optional<PersonView> known = people.find(workspace, ref);
      if (known.isPresent()) {
        resolved.put(userId, known.get().cioId());
        return Optional.of(new EventSubject.Person(known.get().cioId()));
      }
      JsonObjectBuilder body = Jsons.createObjectBuilder();
      if (anonymousId != null) {
        body.add("anonymous_id", anonymousId);
      }
      IdentifyResult created = people.identify(workspace, ref, body.build());
      if (created.cioId() == null
          || created.outcome() == IdentifyResult.Outcome.SKIPPED_SUPPRESSED) {
        problems.add("userId " + userId + ": " + created.detail());
        return Optional.empty();
      }
      resolved.put(userId, created.cioId());
      return Optional.of(new EventSubject.Person(created.cioId()));
    }
    if (anonymousId != null) {
      return Optional.of(
          people
              .findByAnonymousId(workspace, anonymousId)
              .<EventSubject>map(p -> new EventSubject.Person(p.cioId()))
              .orElse(new EventSubject.Anonymous(anonymousId)));
    }
    problems.add("userId or anonymousId: one is required");
    return Optional.empty();
  }

  private void identifyOrProblem(
      WorkspaceId workspace, PersonRef ref, JsonObjectBuilder body, List<String> problems) {
    try {
      IdentifyResult result = people.identify(workspace, ref, body.build());
      if (result.outcome() == IdentifyResult.Outcome.CONFLICT
          || result.outcome() == IdentifyResult.Outcome.SKIPPED_SUPPRESSED) {
        problems.add(ref.value() + ": " + result.detail());
      }
    } catch (InvalidPersonDataException e) {
      problems.addAll(e.problems());
    }
  }

  private static void createdAt(JsonValue value, JsonObjectBuilder body, List<String> problems) {
    if (value.getValueType() == JsonValue.ValueType.NUMBER) {
      body.add("created_at", value);
      return;
    }
    List<String> own = new ArrayList<>();
    Optional<Instant> at =
        MessageTime.instant(
            Jsons.createObjectBuilder().add("createdAt", value).build(), "createdAt", own);
    if (at.isPresent()) {
      body.add("created_at", at.get().getEpochSecond());
    } else {
      problems.add("traits.createdAt: must be ISO-8601 or Unix seconds");
    }
  }

  private static PersonRef user(String userId) {
    return new PersonRef(IdType.ID, userId);
  }
}
