package io.herald.people.internal;

import io.herald.people.api.InvalidPersonDataException;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An identify body, validated and split into identifier changes, control flags and attribute
 * writes. Applies Customer.io's rules and limits (API-COMPAT A.2, A.4).
 *
 * @param id new or confirmed {@code id}; empty optional inside means "remove"
 * @param email new or confirmed email; empty optional inside means "remove"
 * @param updateOnly {@code _update: true}
 * @param unsubscribed the {@code unsubscribed} flag when given
 * @param writes attribute name to value; {@link JsonValue#NULL} removes the attribute
 * @param anonymousId the visitor id whose anonymous activity joins this person, when given
 * @param timestamp {@code _timestamp}: when the change happened (Unix seconds); an attribute last
 *     set after it keeps its value
 */
record AttributeChanges(
    Optional<Optional<String>> id,
    Optional<Optional<String>> email,
    boolean updateOnly,
    Optional<Boolean> unsubscribed,
    Map<String, JsonValue> writes,
    Optional<String> anonymousId,
    OptionalLong timestamp) {

  static final int MAX_NAME_BYTES = 150;
  static final int MAX_VALUE_BYTES = 1000;
  static final int MAX_ATTRIBUTES = 300;
  static final int MAX_EMAIL_BYTES = 254;
  static final long MAX_UNIX_SECONDS = 9_999_999_999L;
  static final int MAX_PHONE_BYTES = 32;

  /** Keys with a meaning of their own; never stored as plain attributes. */
  private static final List<String> CONTROL_KEYS =
      List.of("_update", "_timestamp", "cio_id", "anonymous_id");

  /**
   * Parses and validates {@code body}.
   *
   * @throws InvalidPersonDataException listing every problem found
   */
  static AttributeChanges parse(JsonObject body) {
    List<String> problems = new ArrayList<>();
    if (body.size() > MAX_ATTRIBUTES) {
      problems.add(
          "too many attributes: "
              + body.size()
              + " in one request; the limit is "
              + MAX_ATTRIBUTES);
    }
    Optional<Optional<String>> id = Optional.empty();
    Optional<Optional<String>> email = Optional.empty();
    Optional<Boolean> unsubscribed = Optional.empty();
    boolean updateOnly = false;
    Map<String, JsonValue> writes = new LinkedHashMap<>();
    Optional<String> anonymousId = Optional.empty();
    OptionalLong timestamp = OptionalLong.empty();

    for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
      String name = entry.getKey();
      JsonValue value = entry.getValue();
      if (name.isBlank()) {
        problems.add("attribute names must not be empty");
        continue;
      }
      if (bytes(name) > MAX_NAME_BYTES) {
        problems.add(
            "attribute name \""
                + abbreviate(name)
                + "\" is "
                + bytes(name)
                + " bytes; the limit is "
                + MAX_NAME_BYTES);
        continue;
      }
      switch (name) {
        case "_update" -> {
          if (value.getValueType() == JsonValue.ValueType.TRUE) {
            updateOnly = true;
          } else if (value.getValueType() != JsonValue.ValueType.FALSE && value != JsonValue.NULL) {
            problems.add("_update must be true or false");
          }
        }
        case "_timestamp" -> {
          if (value instanceof JsonNumber n
              && n.isIntegral()
              && n.longValue() >= 0
              && n.longValue() <= MAX_UNIX_SECONDS) {
            timestamp = OptionalLong.of(n.longValue());
          } else if (value != JsonValue.NULL) {
            problems.add("_timestamp must be Unix seconds");
          }
        }
        case "phone" -> {
          if (isRemoval(value)) {
            writes.put(name, JsonValue.NULL);
          } else if (value instanceof JsonString p
              && !p.getString().isBlank()
              && bytes(p.getString().trim()) <= MAX_PHONE_BYTES) {
            writes.put(name, Jsons.createValue(p.getString().trim()));
          } else {
            problems.add("phone must be a string of 1 to " + MAX_PHONE_BYTES + " characters");
          }
        }
        case "cio_subscription_preferences" -> {
          if (subscriptionPreferencesValid(value)) {
            writes.put(name, value);
          } else {
            problems.add(
                "cio_subscription_preferences must be {\"topics\":{\"<topic>\": true|false, …},"
                    + " \"channels\":{\"<channel>\": true|false, …}} (either may be left out)");
          }
        }
        case "cio_id" -> {
          // cio_id is assigned by Herald; a body value is ignored, as Customer.io does.
        }
        case "anonymous_id" ->
            anonymousId = identifier("anonymous_id", value, PersonRef.MAX_BYTES, problems);
        case "id" -> id = Optional.of(identifier("id", value, PersonRef.MAX_BYTES, problems));
        case "email" -> email = Optional.of(identifier("email", value, MAX_EMAIL_BYTES, problems));
        case "created_at" -> createdAt(value, problems).ifPresent(v -> writes.put(name, v));
        case "unsubscribed" -> {
          switch (value.getValueType()) {
            case TRUE -> unsubscribed = Optional.of(true);
            case FALSE -> unsubscribed = Optional.of(false);
            case STRING -> {
              String s = ((JsonString) value).getString();
              if (s.equals("true") || s.equals("false")) {
                unsubscribed = Optional.of(Boolean.parseBoolean(s));
              } else {
                problems.add("unsubscribed must be true or false");
              }
            }
            default -> problems.add("unsubscribed must be true or false");
          }
          unsubscribed.ifPresent(u -> writes.put(name, u ? JsonValue.TRUE : JsonValue.FALSE));
        }
        default -> {
          if (isRemoval(value)) {
            writes.put(name, JsonValue.NULL);
          } else {
            int size = valueBytes(value);
            if (size > MAX_VALUE_BYTES) {
              problems.add(
                  "attribute \""
                      + abbreviate(name)
                      + "\" is "
                      + size
                      + " bytes; the limit is "
                      + MAX_VALUE_BYTES);
            } else {
              writes.put(name, value);
            }
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPersonDataException(problems);
    }
    return new AttributeChanges(
        id, email, updateOnly, unsubscribed, writes, anonymousId, timestamp);
  }

  /**
   * Customer.io's subscription preferences {@code {"topics":{"topic_1":true,…}}}, and Herald's
   * per-channel choices beside them {@code {"channels":{"sms":false,…}}} (the messaging module's
   * SMS STOP / START and its sends read them).
   */
  private static boolean subscriptionPreferencesValid(JsonValue value) {
    if (value == JsonValue.NULL) {
      return true;
    }
    if (!(value instanceof JsonObject prefs) || prefs.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, JsonValue> e : prefs.entrySet()) {
      if (!(e.getKey().equals("topics") || e.getKey().equals("channels"))
          || !(e.getValue() instanceof JsonObject choices)
          || !booleans(choices)) {
        return false;
      }
    }
    return true;
  }

  private static boolean booleans(JsonObject choices) {
    return choices.values().stream()
        .allMatch(
            v ->
                v.getValueType() == JsonValue.ValueType.TRUE
                    || v.getValueType() == JsonValue.ValueType.FALSE
                    || v == JsonValue.NULL);
  }

  /** Control keys are not attributes. Exposed for tests. */
  static boolean isControlKey(String name) {
    return CONTROL_KEYS.contains(name);
  }

  private static Optional<String> identifier(
      String field, JsonValue value, int maxBytes, List<String> problems) {
    if (isRemoval(value)) {
      return Optional.empty();
    }
    String text;
    if (value instanceof JsonString s) {
      text = s.getString().trim();
    } else if (value instanceof JsonNumber n && n.isIntegral() && field.equals("id")) {
      text = n.bigIntegerValue().toString();
    } else {
      problems.add(field + " must be a string");
      return Optional.empty();
    }
    if (bytes(text) > maxBytes) {
      problems.add(field + " is " + bytes(text) + " bytes; the limit is " + maxBytes);
      return Optional.empty();
    }
    if (field.equals("email") && !text.isEmpty() && !text.contains("@")) {
      problems.add("email must be an email address");
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static Optional<JsonValue> createdAt(JsonValue value, List<String> problems) {
    if (isRemoval(value)) {
      return Optional.of(JsonValue.NULL);
    }
    BigDecimal seconds = null;
    if (value instanceof JsonNumber n) {
      seconds = n.bigDecimalValue();
    } else if (value instanceof JsonString s && s.getString().matches("\\d{1,12}")) {
      seconds = new BigDecimal(s.getString());
    }
    if (seconds == null
        || seconds.signum() < 0
        || seconds.scale() > 0 && seconds.stripTrailingZeros().scale() > 0) {
      problems.add("created_at must be a Unix timestamp in seconds");
      return Optional.empty();
    }
    if (seconds.compareTo(BigDecimal.valueOf(99_999_999_999L)) > 0) {
      problems.add("created_at must be a Unix timestamp in seconds, not milliseconds");
      return Optional.empty();
    }
    return Optional.of(Jsons.createValue(seconds.longValueExact()));
  }

  private static boolean isRemoval(JsonValue value) {
    return value == JsonValue.NULL || value instanceof JsonString s && s.getString().isEmpty();
  }

  private static int valueBytes(JsonValue value) {
    return value instanceof JsonString s ? bytes(s.getString()) : bytes(value.toString());
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
