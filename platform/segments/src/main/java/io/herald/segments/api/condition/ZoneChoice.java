package io.herald.segments.api.condition;

/** Which time zone turns calendar days into instants for a date comparison. */
public enum ZoneChoice {
  /** The workspace's time zone. */
  WORKSPACE("workspace"),
  /**
   * The person's {@code timezone} attribute (an IANA name such as {@code Europe/Paris}); the
   * workspace's zone when the person has none or an unknown one. A zone is known when the attribute
   * is a JSON string that is exactly (case sensitive, no surrounding spaces) one of {@code
   * java.time.ZoneId.getAvailableZoneIds()}; offsets such as {@code +02:00} and anything else fall
   * back to the workspace's zone. Filters on event data, object and relationship attributes read
   * the person's {@code timezone} too.
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
