package io.herald.people.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to a person by one identifier.
 *
 * @param type which identifier
 * @param value its value (an email keeps its case here; lookups ignore case)
 */
public record PersonRef(IdType type, String value) {

  /** Longest identifier accepted, in UTF-8 bytes (Customer.io's limit). */
  public static final int MAX_BYTES = 150;

  /** Requires both parts. */
  public PersonRef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads a Track API path identifier: {@code cio_<x>} is a cio_id, a value containing {@code @} an
   * email address, anything else an id (Customer.io's rules).
   */
  public static PersonRef fromTrackPath(String identifier) {
    if (identifier.startsWith("cio_")) {
      return new PersonRef(IdType.CIO_ID, identifier.substring(4));
    }
    if (identifier.contains("@")) {
      return new PersonRef(IdType.EMAIL, identifier);
    }
    return new PersonRef(IdType.ID, identifier);
  }

  /** Whether the value is non-blank and at most {@link #MAX_BYTES} bytes. */
  public boolean wellFormed() {
    return !value.isBlank() && value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }

  /**
   * Reads an identifiers object as the Track API sends it ({@code {"id":"42"}}, {@code
   * {"email":"a@x.com"}} or {@code {"cio_id":"…"}}: exactly one key; a numeric {@code id} is
   * accepted), adding a problem that names {@code field} when it is not one.
   */
  public static Optional<PersonRef> fromIdentifiers(
      JsonObject identifiers, String field, List<String> problems) {
    if (identifiers.size() != 1) {
      problems.add(field + " must have exactly one of id, email, cio_id");
      return Optional.empty();
    }
    Map.Entry<String, JsonValue> only = identifiers.entrySet().iterator().next();
    IdType type =
        switch (only.getKey()) {
          case "id" -> IdType.ID;
          case "email" -> IdType.EMAIL;
          case "cio_id" -> IdType.CIO_ID;
          case "phone" -> IdType.PHONE;
          default -> null;
        };
    if (type == null) {
      problems.add(
          field + "." + only.getKey() + " is not an identifier: use id, email, cio_id or phone");
      return Optional.empty();
    }
    String text;
    if (only.getValue() instanceof JsonString s) {
      text = s.getString().trim();
    } else if (only.getValue() instanceof JsonNumber n && n.isIntegral() && type == IdType.ID) {
      text = n.bigIntegerValue().toString();
    } else {
      problems.add(field + "." + only.getKey() + " must be a string");
      return Optional.empty();
    }
    PersonRef ref = new PersonRef(type, text);
    if (!ref.wellFormed()) {
      problems.add(field + "." + only.getKey() + " must be 1 to " + PersonRef.MAX_BYTES + " bytes");
      return Optional.empty();
    }
    return Optional.of(ref);
  }
}
