package io.herald.journeys.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks each step type's settings of a journey document and names the edge labels the step may
 * have; problems go to the document's {@link JsonChecks} with their JSON path.
 */
final class StepSettings {

  private static final Pattern HOUR = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final List<String> DAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  private static final Set<String> MESSAGE_CHANNELS =
      Set.of("sms", "push", "whatsapp", "in_app", "slack");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /**
   * A webhook step's capture path: {@code status}, {@code headers.<name>}, {@code body} or {@code
   * body} followed by {@code .field} and {@code [index]} parts.
   */
  static final Pattern CAPTURE =
      Pattern.compile("status|headers\\.[A-Za-z0-9-]+|body(\\.[A-Za-z0-9_$-]+|\\[[0-9]{1,6}\\])*");

  private static final Set<String> METRICS =
      Set.of("sent", "delivered", "opened", "clicked", "converted", "bounced", "unsubscribed");

  private final JsonChecks checks;
  private final ObjectStepSettings objects;

  StepSettings(JsonChecks checks) {
    this.checks = checks;
    this.objects = new ObjectStepSettings(checks);
  }

  /** Checks a node's settings; returns its edge labels (null for a single-exit step). */
  List<String> settings(NodeType type, JsonObject s, String path) {
    switch (type) {
      case DELAY:
        checks.keys(s, path, "duration", "between");
        if (s.containsKey("duration") == s.containsKey("between")) {
          checks.problem(path, "needs exactly one of duration, between");
        } else if (s.containsKey("duration")) {
          checks.duration(s, path, "duration", true);
        } else {
          JsonObject b = checks.optionalObject(s, path, "between");
          if (b != null) {
            checks.keys(b, path + ".between", "min", "max");
            Duration min = checks.duration(b, path + ".between", "min", true);
            Duration max = checks.duration(b, path + ".between", "max", true);
            if (min != null && max != null && max.compareTo(min) < 0) {
              checks.problem(path + ".between.max", "must not be less than min");
            }
          }
        }
        return null;
      case WAIT_UNTIL:
        checks.keys(s, path, "event", "condition", "timeout");
        if (s.containsKey("event") == s.containsKey("condition")) {
          checks.problem(path, "needs exactly one of event, condition");
        } else if (s.containsKey("event")) {
          JsonObject e = checks.optionalObject(s, path, "event");
          if (e != null) {
            checks.keys(e, path + ".event", "name", "where");
            checks.text(e, path + ".event", "name", true);
            checks.where(e, path + ".event");
          }
        } else {
          checks.conditions(s.get("condition"), path + ".condition");
        }
        checks.duration(s, path, "timeout", true);
        return type.labels();
      case TIME_WINDOW:
        checks.keys(s, path, "days", "from", "to", "timezone");
        JsonValue days = s.get("days");
        if (!(days instanceof JsonArray list) || list.isEmpty()) {
          checks.problem(path + ".days", "must be a non-empty array of weekday names");
        } else {
          for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonString d) || !DAYS.contains(d.getString())) {
              checks.problem(
                  path + ".days[" + i + "]", "must be one of " + String.join(", ", DAYS));
            }
          }
        }
        for (String k : List.of("from", "to")) {
          String h = checks.text(s, path, k, true);
          if (h != null && !HOUR.matcher(h).matches()) {
            checks.problem(path + "." + k, "must be HH:MM (00:00 to 23:59)");
          }
        }
        String tz = checks.text(s, path, "timezone", false);
        if (tz != null
            && !tz.equals("person")
            && !java.time.ZoneId.getAvailableZoneIds().contains(tz)) {
          checks.problem(
              path + ".timezone", "must be 'person' or a time zone id, not '" + tz + "'");
        }
        return null;
      case BRANCH:
        checks.keys(s, path, "condition", "trigger_data", "message");
        test(s, path);
        return type.labels();
      case MULTI_SPLIT:
        checks.keys(s, path, "branches");
        return labels(s, path, false);
      case RANDOM_SPLIT:
        checks.keys(s, path, "branches");
        return labels(s, path, true);
      case SEND_EMAIL:
        checks.keys(
            s,
            path,
            "channel",
            "message_id",
            "from",
            "subject",
            "body",
            "body_plain",
            "reply_to",
            "to");
        String channel = checks.text(s, path, "channel", false);
        if (channel != null && !channel.equals("email")) {
          checks.problem(
              path + ".channel",
              "a send_email step sends email; use send_message for '" + channel + "'");
        }
        emailSettings(s, path);
        return null;
      case SEND_MESSAGE:
        {
          String on = checks.text(s, path, "channel", true);
          if (on == null) {
            return null;
          }
          if (on.equals("email")) {
            checks.keys(
                s,
                path,
                "channel",
                "message_id",
                "from",
                "subject",
                "body",
                "body_plain",
                "reply_to",
                "to");
            emailSettings(s, path);
          } else if (on.equals("slack") && !s.containsKey("message_id")) {
            // Inline Slack content: text and/or Block Kit blocks, to a channel or the default.
            checks.keys(s, path, "channel", "to", "text", "blocks", "slack_channel");
            String text = checks.text(s, path, "text", false);
            JsonValue blocks = s.get("blocks");
            if (blocks != null && !(blocks instanceof JsonArray)) {
              checks.problem(path + ".blocks", "must be an array of Block Kit blocks");
            }
            if ((text == null || text.isBlank())
                && !(blocks instanceof JsonArray b && !b.isEmpty())) {
              checks.problem(path, "a slack message needs message_id, text or blocks");
            }
            checks.text(s, path, "slack_channel", false);
            checks.text(s, path, "to", false);
          } else if (MESSAGE_CHANNELS.contains(on)) {
            checks.keys(s, path, "channel", "message_id", "to");
            JsonValue id = s.get("message_id");
            if (!(id instanceof JsonString) && !(id instanceof JsonNumber)) {
              checks.problem(
                  path + ".message_id",
                  "must be the id or trigger name of a transactional " + on + " message");
            }
            checks.text(s, path, "to", false);
          } else {
            checks.problem(
                path + ".channel",
                "unknown channel '"
                    + on
                    + "'; one of email, sms, push, whatsapp, in_app, slack (webhooks: the"
                    + " send_webhook step)");
          }
          return null;
        }
      case SEND_WEBHOOK:
        webhook(s, path);
        return type.labels();
      case UPDATE_ATTRIBUTE:
        checks.keys(s, path, "attributes");
        JsonObject attrs = checks.optionalObject(s, path, "attributes");
        if (attrs == null || attrs.isEmpty()) {
          checks.problem(path + ".attributes", "must be a non-empty object");
        }
        return null;
      case ADD_TO_SEGMENT:
      case REMOVE_FROM_SEGMENT:
        checks.keys(s, path, "segment_id");
        checks.integer(s, path, "segment_id", true, 1, Long.MAX_VALUE);
        return null;
      case UPDATE_OBJECT:
        objects.updateObject(s, path);
        return null;
      case UPDATE_RELATIONSHIP:
        objects.updateRelationship(s, path);
        return null;
      case START_JOURNEY:
        objects.startJourney(s, path);
        return null;
      default:
        checks.keys(s, path);
        return null;
    }
  }

  /**
   * A webhook call: {@code url} (required), {@code method}, {@code headers} (strings), {@code
   * body}, {@code timeout_seconds}, {@code retries} and {@code capture} (attribute name → a path
   * into the answer).
   */
  private void webhook(JsonObject s, String path) {
    checks.keys(
        s, path, "url", "method", "headers", "body", "timeout_seconds", "retries", "capture");
    String url = checks.text(s, path, "url", true);
    if (url != null
        && url.indexOf('{') < 0
        && !url.startsWith("http://")
        && !url.startsWith("https://")) {
      checks.problem(path + ".url", "must be an http:// or https:// URL");
    }
    String method = checks.text(s, path, "method", false);
    if (method != null && !METHODS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
      checks.problem(path + ".method", "must be one of GET, POST, PUT, PATCH, DELETE");
    }
    JsonObject headers = checks.optionalObject(s, path, "headers");
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            if (!(value instanceof JsonString)) {
              checks.problem(path + ".headers." + name, "must be a string");
            }
          });
    }
    checks.text(s, path, "body", false);
    checks.integer(s, path, "timeout_seconds", false, 1, 300);
    checks.integer(s, path, "retries", false, 0, 10);
    JsonObject capture = checks.optionalObject(s, path, "capture");
    if (capture != null) {
      capture.forEach(
          (attribute, value) -> {
            if (!(value instanceof JsonString p) || !CAPTURE.matcher(p.getString()).matches()) {
              checks.problem(
                  path + ".capture." + attribute,
                  "must be status, headers.<name>, body or a path such as body.user.plan or"
                      + " body.items[0].id");
            }
          });
    }
  }

  /** A branch test: exactly one of condition, trigger_data, message. */
  private void test(JsonObject s, String path) {
    int given = 0;
    for (String k : List.of("condition", "trigger_data", "message")) {
      if (s.containsKey(k)) {
        given++;
      }
    }
    if (given != 1) {
      checks.problem(path, "needs exactly one of condition, trigger_data, message");
      return;
    }
    if (s.containsKey("condition")) {
      checks.conditions(s.get("condition"), path + ".condition");
    } else if (s.containsKey("trigger_data")) {
      JsonValue f = s.get("trigger_data");
      if (!(f instanceof JsonArray)) {
        checks.problem(path + ".trigger_data", "must be an array of filters");
      } else {
        checks.filterList(f.asJsonArray(), path + ".trigger_data");
      }
    } else {
      JsonObject m = checks.optionalObject(s, path, "message");
      if (m != null) {
        checks.keys(m, path + ".message", "node", "metric");
        checks.text(m, path + ".message", "node", true);
        String metric = checks.text(m, path + ".message", "metric", true);
        if (metric != null && !METRICS.contains(metric)) {
          checks.problem(path + ".message.metric", "must be one of " + String.join(", ", METRICS));
        }
      }
    }
  }

  private List<String> labels(JsonObject s, String path, boolean random) {
    List<String> labels = new ArrayList<>();
    JsonValue b = s.get("branches");
    if (!(b instanceof JsonArray branches) || branches.isEmpty() || branches.size() > 20) {
      checks.problem(path + ".branches", "must be an array of 1 to 20 branches");
      return labels;
    }
    long total = 0;
    for (int i = 0; i < branches.size(); i++) {
      String at = path + ".branches[" + i + "]";
      JsonObject branch = checks.object(branches.get(i), at);
      if (branch == null) {
        continue;
      }
      String label = checks.text(branch, at, "label", true);
      if (label != null) {
        if (!JourneyJson.NODE_ID.matcher(label).matches() || label.equals("else")) {
          checks.problem(at + ".label", "must be 1 to 64 letters, digits, '_' or '-' (not else)");
        } else if (labels.contains(label)) {
          checks.problem(at + ".label", "another branch has label '" + label + "'");
        }
        labels.add(label);
      }
      if (random) {
        checks.keys(branch, at, "label", "percent");
        Long p = checks.integer(branch, at, "percent", true, 0, 100);
        total += p == null ? 0 : p;
      } else {
        checks.keys(branch, at, "label", "condition", "trigger_data", "message");
        test(branch, at);
      }
    }
    if (random && total != 100) {
      checks.problem(path + ".branches", "percents must add up to 100, not " + total);
    }
    if (!random) {
      labels.add("else");
    }
    return labels;
  }

  /** An email step's content: a transactional message, or inline from, subject and body. */
  private void emailSettings(JsonObject s, String path) {
    if (!s.containsKey("message_id")) {
      checks.text(s, path, "from", true);
      checks.text(s, path, "subject", true);
      checks.text(s, path, "body", true);
    } else {
      JsonValue id = s.get("message_id");
      if (!(id instanceof JsonString) && !(id instanceof JsonNumber)) {
        checks.problem(path + ".message_id", "must be a transactional message id or trigger name");
      }
      for (String k : List.of("from", "subject", "body")) {
        checks.text(s, path, k, false);
      }
    }
    for (String k : List.of("body_plain", "reply_to", "to")) {
      checks.text(s, path, k, false);
    }
  }
}
