package io.herald.ingest.internal;

import io.herald.events.api.EventLimits;
import io.herald.events.api.EventService;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import io.herald.people.api.IdentifyCall;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies Data Pipelines messages (Segment spec, Customer.io's flavour) in order: consecutive
 * identify messages are committed together (one people group commit), alias and group write at
 * once; consecutive track, page and screen events are committed together by the events module's
 * group commit. A message that cannot be applied is rejected whole, with the reason, and the others
 * still apply.
 */
@ApplicationScoped
public class MessageProcessor {

  /** Largest single message, in bytes of its JSON (Customer.io's 32 KB). */
  public static final int MAX_MESSAGE_BYTES = 32 * 1024;

  @Inject EventService events;

  @Inject PeopleCalls peopleCalls;

  @Inject ObjectCalls objectCalls;

  @Inject Clock clock;

  /** A message that was not applied. */
  public record Rejection(int index, String messageId, String callType, String reason) {}

  /**
   * Applies {@code messages} received on the {@code call} endpoint ({@code batch} items carry their
   * own {@code type}); {@code envelope} is the batch body (its {@code sentAt} and {@code context}
   * apply to every item), {@code null} for single calls; {@code bodyBytes} is the request body's
   * size (no message of a body within the message limit is measured again).
   */
  public List<Rejection> apply(
      WorkspaceId workspace,
      String call,
      List<JsonValue> messages,
      JsonObject envelope,
      int bodyBytes) {
    Envelope request =
        new Envelope(envelope, MessageTime.BatchSentAt.of(envelope), clock.instant());
    // Measuring a message means writing it out again: only a body over the limit may hold one.
    boolean measure = bodyBytes > MAX_MESSAGE_BYTES;
    List<Rejection> rejected = new ArrayList<>();
    List<NewEvent> pending = new ArrayList<>();
    List<QueuedIdentify> identifies = new ArrayList<>();
    Map<String, String> resolved = peopleCalls.resolveUsers(workspace, eventUsers(call, messages));
    for (int i = 0; i < messages.size(); i++) {
      JsonValue raw = messages.get(i);
      if (raw.getValueType() != JsonValue.ValueType.OBJECT) {
        rejected.add(new Rejection(i, null, call, "message: must be a JSON object"));
        continue;
      }
      JsonObject message = raw.asJsonObject();
      List<String> problems = new ArrayList<>();
      String messageId = Fields.string(message, "messageId", problems);
      String type = call.equals("batch") ? Fields.string(message, "type", problems) : call;
      if (type == null) {
        problems.add("type: required on every batch item");
      } else if (measure && bytes(message.toString()) > MAX_MESSAGE_BYTES) {
        problems.add("message: larger than " + MAX_MESSAGE_BYTES + " bytes");
      } else if (problems.isEmpty()) {
        if (!EVENT_TYPES.contains(type)
            || (type.equals("track") && PeopleCalls.isSemantic(message.getString("event", "")))) {
          forget(resolved, message);
        }
        if (type.equals("identify")) {
          commit(workspace, pending);
          int index = i;
          peopleCalls
              .identifyCall(message, problems)
              .ifPresent(made -> identifies.add(new QueuedIdentify(index, messageId, made)));
        } else {
          identify(workspace, identifies, rejected);
          apply(workspace, type, message, request, pending, problems, resolved);
        }
      }
      if (!problems.isEmpty()) {
        rejected.add(
            new Rejection(i, messageId, type == null ? call : type, String.join("; ", problems)));
      }
    }
    identify(workspace, identifies, rejected);
    commit(workspace, pending);
    rejected.sort(Comparator.comparingInt(Rejection::index));
    return rejected;
  }

  /** An identify message's people call, made with the identifies that follow it. */
  private record QueuedIdentify(int index, String messageId, IdentifyCall call) {}

  /**
   * Makes the queued identify calls, committed together, before a message of another type (which
   * may name the people they create) or the end of the request.
   */
  private void identify(
      WorkspaceId workspace, List<QueuedIdentify> identifies, List<Rejection> rejected) {
    if (identifies.isEmpty()) {
      return;
    }
    List<List<String>> problems =
        peopleCalls.identifyAll(workspace, identifies.stream().map(QueuedIdentify::call).toList());
    for (int i = 0; i < identifies.size(); i++) {
      if (!problems.get(i).isEmpty()) {
        QueuedIdentify queued = identifies.get(i);
        rejected.add(
            new Rejection(
                queued.index(),
                queued.messageId(),
                "identify",
                String.join("; ", problems.get(i))));
      }
    }
    identifies.clear();
  }

  /**
   * What the messages of one request share.
   *
   * @param body the batch body, {@code null} for a single call
   * @param sentAt the batch's {@code sentAt}
   * @param receivedAt when the request arrived
   */
  private record Envelope(JsonObject body, MessageTime.BatchSentAt sentAt, Instant receivedAt) {}

  private void apply(
      WorkspaceId workspace,
      String type,
      JsonObject message,
      Envelope envelope,
      List<NewEvent> pending,
      List<String> problems,
      Map<String, String> resolved) {
    switch (type) {
      case "alias" -> {
        commit(workspace, pending);
        peopleCalls.alias(workspace, message, problems);
      }
      case "track" -> {
        String name = Fields.string(message, "event", problems);
        if (name == null) {
          problems.add("event: required for track");
          return;
        }
        if (PeopleCalls.isSemantic(name)) {
          commit(workspace, pending);
          peopleCalls.semantic(workspace, name, message, problems);
          return;
        }
        event(workspace, name, EventType.EVENT, message, envelope, pending, problems, resolved);
      }
      case "page", "screen" -> {
        String name = Fields.string(message, "name", problems);
        JsonObject properties = Fields.object(message, "properties", problems);
        if (name == null) {
          name = properties.getString("url", properties.getString("path", type));
        }
        EventType eventType = type.equals("page") ? EventType.PAGE : EventType.SCREEN;
        event(workspace, name, eventType, message, envelope, pending, problems, resolved);
      }
      case "group" -> {
        commit(workspace, pending);
        objectCalls.group(workspace, message, problems);
      }
      default -> problems.add("type: must be identify, track, page, screen, group or alias");
    }
  }

  /**
   * Commits the events collected so far, so that a later people call (identify with an anonymous
   * id, alias, delete) sees them: the messages of a batch take effect in their order.
   */
  private void commit(WorkspaceId workspace, List<NewEvent> pending) {
    events.record(workspace, pending);
    pending.clear();
  }

  private void event(
      WorkspaceId workspace,
      String name,
      EventType type,
      JsonObject message,
      Envelope envelope,
      List<NewEvent> pending,
      List<String> problems,
      Map<String, String> resolved) {
    JsonObject properties = Fields.object(message, "properties", problems);
    JsonObject context = Fields.object(message, "context", problems);
    if (context.isEmpty() && envelope.body() != null) {
      context = Fields.object(envelope.body(), "context", problems);
    }
    String messageId = Fields.string(message, "messageId", problems);
    Instant occurredAt =
        MessageTime.occurredAt(message, envelope.sentAt(), envelope.receivedAt(), problems);
    if (!problems.isEmpty()) {
      return;
    }
    Optional<EventSubject> subject = peopleCalls.subject(workspace, message, problems, resolved);
    if (subject.isEmpty()) {
      return;
    }
    NewEvent event =
        new NewEvent(
            subject.get(),
            name.trim(),
            type,
            messageId,
            occurredAt,
            properties,
            context.isEmpty() ? null : context,
            "pipelines");
    List<String> limits = EventLimits.problems(event);
    if (!limits.isEmpty()) {
      problems.addAll(limits);
      return;
    }
    pending.add(event);
  }

  private static final Set<String> EVENT_TYPES = Set.of("track", "page", "screen");

  /** The userIds of the event messages, to resolve in one lookup. */
  private static Set<String> eventUsers(String call, List<JsonValue> messages) {
    Set<String> users = new HashSet<>();
    for (JsonValue raw : messages) {
      if (raw instanceof JsonObject m) {
        String type = call.equals("batch") ? m.getString("type", "") : call;
        if (EVENT_TYPES.contains(type) && m.get("userId") instanceof JsonString id) {
          users.add(id.getString());
        }
      }
    }
    return users;
  }

  /** A people call may change whom the message's ids name: look them up again afterwards. */
  private static void forget(Map<String, String> resolved, JsonObject message) {
    for (String field : List.of("userId", "previousId")) {
      if (message.get(field) instanceof JsonString id) {
        resolved.remove(id.getString());
      }
    }
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
