package io.herald.journeys.api;

/** How often one person may enter a journey. */
public enum EntryRule {
  /** Once ever. */
  ONCE("once"),
  /** Again only after their previous run ended. */
  ONCE_AT_A_TIME("once_at_a_time"),
  /** Every time the trigger fires. */
  EVERY_TIME("every_time");

  private final String wire;

  EntryRule(String wire) {
    this.wire = wire;
  }

  /** The JSON form. */
  public String wire() {
    return wire;
  }
}
