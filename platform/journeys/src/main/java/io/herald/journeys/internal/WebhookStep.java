package io.herald.journeys.internal;

import io.herald.journeys.api.Node;
import io.herald.journeys.api.RunView;
import io.herald.shared.json.JsonJava;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code send_webhook} step. Arriving queues the call through messaging's {@code webhook}
 * channel (keyed by run and node, so a retried step never queues it twice; messaging sends it with
 * its SSRF guard, timeouts and retries on 5xx, 408 and no answer, at most {@code retries} + 1
 * attempts) and records {@code calling} with the delivery id; a {@code check} timer then looks at
 * the delivery until it is final. A sent call (2xx) copies the {@code capture} paths of the answer
 * into the person's attributes and goes on by {@code success}; a failed one by {@code failure},
 * with the reason in the step log.
 */
final class WebhookStep {

  /** The outcome recorded when the call is queued; its detail is the delivery id. */
  static final String CALLING = "calling";

  private static final Duration FIRST_CHECK = Duration.ofSeconds(1);
  private static final Duration LAST_CHECK = Duration.ofMinutes(1);
  private static final Pattern PART = Pattern.compile("\\.([^.\\[]+)|\\[([0-9]+)\\]");

  private final Effects effects;

  WebhookStep(Effects effects) {
    this.effects = effects;
  }

  /**
   * Queues the call of a run that reached the node and schedules the first check.
   *
   * @return the edge to follow now ({@code failure} when the call cannot be queued), empty while
   *     the run waits for the answer
   */
  Optional<String> call(RunLog log, StoredRun run, Node node, String key, Instant now)
      throws SQLException {
    WorkspaceId ws = new WorkspaceId(run.workspaceId());
    String delivery;
    try {
      delivery = effects.callWebhook(ws, run.cioId(), node.settings(), run.triggerData(), key);
    } catch (Effects.StepFailure e) {
      log.step(node.id(), "failure", e.getMessage(), now);
      return Optional.of("failure");
    }
    log.step(node.id(), CALLING, delivery, now);
    log.timer(node.id(), TimerStore.CHECK, now.plus(FIRST_CHECK));
    return Optional.empty();
  }

  /**
   * Looks at the call of a run waiting at the node: the edge to follow when it is final, else empty
   * after scheduling the next check (sooner while the call is young, at most a minute apart).
   */
  Optional<String> check(RunLog log, StoredRun run, Node node, Instant now) throws SQLException {
    Optional<RunView.Step> calls = log.latest(node.id(), CALLING);
    if (calls.isEmpty()) {
      log.step(node.id(), "failure", "no call was recorded", now);
      return Optional.of("failure");
    }
    Call call = new Call(calls.get().detail(), calls.get().at());
    WorkspaceId ws = new WorkspaceId(run.workspaceId());
    Optional<Effects.CallOutcome> outcome = effects.outcome(ws, call.deliveryId());
    if (outcome.isEmpty()) {
      Duration wait = Duration.between(call.at(), now).dividedBy(2);
      wait = wait.compareTo(FIRST_CHECK) < 0 ? FIRST_CHECK : wait;
      wait = wait.compareTo(LAST_CHECK) > 0 ? LAST_CHECK : wait;
      log.timer(node.id(), TimerStore.CHECK, now.plus(wait));
      return Optional.empty();
    }
    Effects.CallOutcome o = outcome.get();
    if (!o.success()) {
      log.step(node.id(), "failure", o.reason(), now);
      return Optional.of("failure");
    }
    JsonObject capture = node.settings().getJsonObject("capture");
    String status = String.valueOf(o.response().getOrDefault("status", "2xx"));
    if (capture != null && !capture.isEmpty()) {
      JsonObject attributes = captured(capture, o.response());
      if (!attributes.isEmpty()) {
        try {
          effects.updateAttributes(ws, run.cioId(), attributes);
        } catch (Effects.StepFailure e) {
          log.step(node.id(), "capture_failed", "HTTP " + status + ": " + e.getMessage(), now);
        }
      }
    }
    log.step(node.id(), "success", "HTTP " + status, now);
    return Optional.of("success");
  }

  /**
   * The attributes a call's answer gives: each capture path's value (absent paths are left out, so
   * an attribute is never cleared by a missing field).
   */
  static JsonObject captured(JsonObject capture, Map<String, Object> response) {
    JsonObjectBuilder attributes = Jsons.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : capture.entrySet()) {
      if (e.getValue() instanceof JsonString path) {
        resolve(response, path.getString())
            .ifPresent(v -> attributes.add(e.getKey(), JsonJava.toJson(v)));
      }
    }
    return attributes.build();
  }

  /** The value at a capture path ({@code status}, {@code headers.x}, {@code body.a[0].b}). */
  static Optional<Object> resolve(Map<String, Object> response, String path) {
    if (path.equals("status")) {
      return Optional.ofNullable(response.get("status"));
    }
    if (path.startsWith("headers.")) {
      return response.get("headers") instanceof Map<?, ?> headers
          ? Optional.ofNullable(headers.get(path.substring(8).toLowerCase(Locale.ROOT)))
          : Optional.empty();
    }
    Object at = response.get("body");
    Matcher m = PART.matcher(path.substring(4));
    while (m.find() && at != null) {
      if (m.group(1) != null) {
        at = at instanceof Map<?, ?> object ? object.get(m.group(1)) : null;
      } else {
        int i = Integer.parseInt(m.group(2));
        at = at instanceof List<?> list && i < list.size() ? list.get(i) : null;
      }
    }
    return Optional.ofNullable(at);
  }

  private record Call(String deliveryId, Instant at) {}
}
