package io.herald.messaging.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a request object's members, each adding a problem that names the field when the
 * value has the wrong type (and returning null then).
 */
final class Fields {

  private final JsonObject object;
  private final List<String> problems;

  Fields(JsonObject object, List<String> problems) {
    this.object = object;
    this.problems = problems;
  }

  private JsonValue value(String name) {
    JsonValue v = object.get(name);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
  }

  String string(String name, int maxLength) {
    JsonValue v = value(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      problems.add(name + " must be a string");
      return null;
    }
    if (s.getString().length() > maxLength) {
      problems.add(name + " must be at most " + maxLength + " characters");
      return null;
    }
    return s.getString();
  }

  /** A string, or an integer given as a number (ids). */
  String stringOrInteger(String name, int maxLength) {
    JsonValue v = value(name);
    if (v instanceof JsonNumber n) {
      if (!n.isIntegral()) {
        problems.add(name + " must be a string or an integer");
        return null;
      }
      return n.bigIntegerValue().toString();
    }
    return string(name, maxLength);
  }

  Boolean bool(String name) {
    JsonValue v = value(name);
    if (v == null) {
      return null;
    }
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    problems.add(name + " must be true or false");
    return null;
  }

  Long integer(String name) {
    JsonValue v = value(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      problems.add(name + " must be an integer");
      return null;
    }
    try {
      return n.longValueExact();
    } catch (ArithmeticException e) {
      problems.add(name + " is out of range");
      return null;
    }
  }

  JsonObject object(String name) {
    JsonValue v = value(name);
    if (v == null) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      problems.add(name + " must be an object");
      return null;
    }
    return v.asJsonObject();
  }

  /** An object whose members are all strings. */
  Map<String, String> strings(String name) {
    JsonObject o = object(name);
    if (o == null) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    o.forEach(
        (k, v) -> {
          if (v instanceof JsonString s) {
            map.put(k, s.getString());
          } else {
            problems.add(name + "." + k + " must be a string");
          }
        });
    return map;
  }
}
