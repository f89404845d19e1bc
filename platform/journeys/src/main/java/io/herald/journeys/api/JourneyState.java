package io.herald.journeys.api;

import java.util.Locale;

/** A journey's lifecycle: draft → active ⇄ paused → archived. */
public enum JourneyState {
  DRAFT,
  ACTIVE,
  PAUSED,
  ARCHIVED;

  /** The stored and JSON form ({@code draft}, …). */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state named by its wire form. */
  public static JourneyState of(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
