package io.herald.people.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

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
}
