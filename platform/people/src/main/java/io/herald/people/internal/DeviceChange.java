package io.herald.people.internal;

import io.herald.people.api.DevicePlatform;
import io.herald.people.api.InvalidPersonDataException;
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
import java.util.OptionalLong;

/**
 * A device object, validated: {@code {"id"|"token": "…", "platform": "ios"|"android", "last_used":
 * <Unix seconds>, "attributes": {…}}}. Track v1 names the token {@code id}, Track v2 and the
 * transactional API {@code token}; either is accepted. Attribute names and values follow the person
 * attribute limits (API-COMPAT A.4).
 *
 * @param token the device token, trimmed
 * @param platform the messaging platform
 * @param lastUsed Unix seconds when given; empty means "now"
 * @param attributes attribute name to value; {@link JsonValue#NULL} removes the attribute
 */
record DeviceChange(
    String token,
    DevicePlatform platform,
    OptionalLong lastUsed,
    Map<String, JsonValue> attributes) {

  /**
   * Longest token, in UTF-8 bytes. Customer.io publishes no limit; APNs tokens are 64 characters
   * and FCM registration tokens about 160 and growing, so the 150-byte identifier limit would
   * refuse real tokens.
   */
  static final int MAX_TOKEN_BYTES = 512;

  /** Set by Herald from push deliveries; a value sent by a client is ignored. */
  static final String LAST_STATUS = "_last_status";

  private static final long MAX_SECONDS = 99_999_999_999L;

  /**
   * Parses and validates {@code device}.
   *
   * @throws InvalidPersonDataException listing every problem found, each naming its field
   */
  static DeviceChange parse(JsonObject device) {
    List<String> problems = new ArrayList<>();
    String token = token(device, problems);
    DevicePlatform platform = platform(device.get("platform"), problems);
    OptionalLong lastUsed = lastUsed(device.get("last_used"), problems);
    Map<String, JsonValue> attributes = attributes(device.get("attributes"), problems);
    if (!problems.isEmpty()) {
      throw new InvalidPersonDataException(problems);
    }
    return new DeviceChange(token, platform, lastUsed, attributes);
  }

  private static String token(JsonObject device, List<String> problems) {
    JsonValue id = device.get("id");
    JsonValue token = device.get("token");
    if (isAbsent(id) && isAbsent(token)) {
      problems.add("device.id is required: the device token");
      return null;
    }
    if (!isAbsent(id) && !isAbsent(token) && !id.equals(token)) {
      problems.add("device.id and device.token differ: send the device token once");
      return null;
    }
    String field = isAbsent(id) ? "device.token" : "device.id";
    JsonValue value = isAbsent(id) ? token : id;
    if (!(value instanceof JsonString s)) {
      problems.add(field + " must be a string");
      return null;
    }
    String text = s.getString().trim();
    if (text.isEmpty()) {
      problems.add(field + " must not be empty");
      return null;
    }
    if (bytes(text) > MAX_TOKEN_BYTES) {
      problems.add(field + " is " + bytes(text) + " bytes; the limit is " + MAX_TOKEN_BYTES);
      return null;
    }
    return text;
  }

  private static DevicePlatform platform(JsonValue value, List<String> problems) {
    if (isAbsent(value)) {
      problems.add("device.platform is required: ios or android");
      return null;
    }
    if (!(value instanceof JsonString s)) {
      problems.add("device.platform must be a string: ios or android");
      return null;
    }
    return DevicePlatform.fromWire(s.getString().trim())
        .orElseGet(
            () -> {
              problems.add(
                  "device.platform must be ios or android, not \""
                      + abbreviate(s.getString())
                      + "\"");
              return null;
            });
  }

  private static OptionalLong lastUsed(JsonValue value, List<String> problems) {
    if (isAbsent(value)) {
      return OptionalLong.empty();
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
      problems.add("device.last_used must be a Unix timestamp in seconds");
      return OptionalLong.empty();
    }
    if (seconds.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
      problems.add("device.last_used must be a Unix timestamp in seconds, not milliseconds");
      return OptionalLong.empty();
    }
    return OptionalLong.of(seconds.longValueExact());
  }

  private static Map<String, JsonValue> attributes(JsonValue value, List<String> problems) {
    Map<String, JsonValue> writes = new LinkedHashMap<>();
    if (isAbsent(value)) {
      return writes;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      problems.add("device.attributes must be an object");
      return writes;
    }
    JsonObject attributes = value.asJsonObject();
    if (attributes.size() > AttributeChanges.MAX_ATTRIBUTES) {
      problems.add(
          "device.attributes has "
              + attributes.size()
              + " attributes; the limit is "
              + AttributeChanges.MAX_ATTRIBUTES);
      return writes;
    }
    for (Map.Entry<String, JsonValue> entry : attributes.entrySet()) {
      String name = entry.getKey();
      JsonValue attribute = entry.getValue();
      String field = "device.attributes." + abbreviate(name);
      if (name.isBlank()) {
        problems.add("device.attributes names must not be empty");
      } else if (bytes(name) > AttributeChanges.MAX_NAME_BYTES) {
        problems.add(
            field
                + " has a name of "
                + bytes(name)
                + " bytes; the limit is "
                + AttributeChanges.MAX_NAME_BYTES);
      } else if (name.equals(LAST_STATUS)) {
        continue; // read-only: Herald sets it from push deliveries
      } else if (attribute == JsonValue.NULL
          || attribute instanceof JsonString s && s.getString().isEmpty()) {
        writes.put(name, JsonValue.NULL);
      } else if (attribute.getValueType() == JsonValue.ValueType.OBJECT
          || attribute.getValueType() == JsonValue.ValueType.ARRAY) {
        problems.add(field + " must be a string, number or boolean");
      } else {
        int size =
            attribute instanceof JsonString s ? bytes(s.getString()) : bytes(attribute.toString());
        if (size > AttributeChanges.MAX_VALUE_BYTES) {
          problems.add(
              field + " is " + size + " bytes; the limit is " + AttributeChanges.MAX_VALUE_BYTES);
        } else {
          writes.put(name, attribute);
        }
      }
    }
    return writes;
  }

  private static boolean isAbsent(JsonValue value) {
    return value == null || value == JsonValue.NULL;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
