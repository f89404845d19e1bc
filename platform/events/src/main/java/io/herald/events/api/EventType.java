package io.herald.events.api;

import java.util.Locale;
import java.util.Optional;

/** Customer.io's event types: a plain event, a page view or a (mobile) screen view. */
public enum EventType {
  EVENT,
  PAGE,
  SCREEN;

  /** The wire name ({@code event}, {@code page}, {@code screen}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code wire} exactly as the APIs spell it. */
  public static Optional<EventType> fromWire(String wire) {
    for (EventType type : values()) {
      if (type.wireName().equals(wire)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
