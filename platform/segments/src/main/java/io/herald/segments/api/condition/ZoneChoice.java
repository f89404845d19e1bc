package io.herald.segments.api.condition;

/** Which time zone turns calendar days into instants for a date comparison. */
public enum ZoneChoice {
  /** The workspace's time zone. */
  WORKSPACE("workspace"),
  /**
   * The person's {@code timezone} attribute (an IANA name such as {@code Europe/Paris}); the
   * workspace's zone when the person has none or an unknown one.
   */
  PERSON("person");

  private final String wireName;

  ZoneChoice(String wireName) {
    this.wireName = wireName;
  }

  /** The name in condition JSON. */
  public String wireName() {
    return wireName;
  }
}
