package io.herald.people.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What {@link PeopleService#search} looks for. Each kind is answered from an index except {@link
 * AttributeEquals}, which reads the attributes of the newest people until the page is full.
 */
public sealed interface PeopleQuery {

  /** Longest search text and attribute value accepted, in UTF-8 bytes. */
  int MAX_TEXT_BYTES = 1000;

  /** Everyone in the workspace. */
  record Everyone() implements PeopleQuery {}

  /**
   * People whose {@code id} starts with {@code text} (case-sensitive), whose email starts with it
   * (case-insensitive), or whose {@code cio_id} is exactly {@code text}.
   *
   * @param text the search text, trimmed; not blank
   */
  record Identifier(String text) implements PeopleQuery {
    /** Trims and checks the text. */
    public Identifier {
      Objects.requireNonNull(text, "text");
      text = text.trim();
      if (text.isEmpty()) {
        throw new IllegalArgumentException("search text must not be blank");
      }
      checkBytes("search text", text);
    }
  }

  /**
   * People whose top-level attribute {@code name} holds {@code value}: the attribute's text (a
   * number as written, {@code true}/{@code false} for a boolean) equals it exactly, byte for byte.
   * Identifiers are attributes too ({@code email}, {@code id}, {@code cio_id}).
   *
   * @param name the attribute name, trimmed; not blank
   * @param value the text to compare with
   */
  record AttributeEquals(String name, String value) implements PeopleQuery {
    /** Trims the name and checks both parts. */
    public AttributeEquals {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      name = name.trim();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("attribute name must not be blank");
      }
      if (name.getBytes(StandardCharsets.UTF_8).length > PersonRef.MAX_BYTES) {
        throw new IllegalArgumentException(
            "attribute name must be at most " + PersonRef.MAX_BYTES + " bytes");
      }
      checkBytes("attribute value", value);
    }
  }

  private static void checkBytes(String what, String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
      throw new IllegalArgumentException(what + " must be at most " + MAX_TEXT_BYTES + " bytes");
    }
  }
}
