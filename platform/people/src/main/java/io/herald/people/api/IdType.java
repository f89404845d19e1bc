package io.herald.people.api;

import java.util.Locale;
import java.util.Optional;

/** The identifiers a person can be addressed by. */
public enum IdType {
  /** The customer's own id ({@code id}). */
  ID,
  /** Email address, case-insensitive. */
  EMAIL,
  /** Herald's generated, stable {@code cio_id}. */
  CIO_ID,
  /** The {@code phone} attribute (Track v2 and Pipelines identifiers; not an App API id_type). */
  PHONE;

  /** Parses an {@code id_type} query value ({@code id}, {@code email}, {@code cio_id}). */
  public static Optional<IdType> fromQuery(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of(ID);
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "id" -> Optional.of(ID);
      case "email" -> Optional.of(EMAIL);
      case "cio_id" -> Optional.of(CIO_ID);
      default -> Optional.empty();
    };
  }
}
