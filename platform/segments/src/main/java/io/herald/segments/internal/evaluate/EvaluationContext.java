package io.herald.segments.internal.evaluate;

import io.herald.segments.api.condition.ZoneChoice;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * The instant and the time zones one evaluation reads dates in.
 *
 * @param now the instant of the evaluation
 * @param workspaceZone the workspace's zone
 * @param personZone the person's {@code timezone} when it is a known zone, else the workspace's
 */
record EvaluationContext(Instant now, ZoneId workspaceZone, ZoneId personZone) {

  /** The attribute naming a person's time zone. */
  static final String TIMEZONE_ATTRIBUTE = "timezone";

  /** The zone names {@link ZoneChoice#PERSON} accepts (read once: the JDK copies it per call). */
  private static final Set<String> KNOWN_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

  /** Requires every part. */
  EvaluationContext {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(workspaceZone, "workspaceZone");
    Objects.requireNonNull(personZone, "personZone");
  }

  /** The context for a person with these attributes. */
  static EvaluationContext of(Instant now, ZoneId workspaceZone, JsonObject personAttributes) {
    return new EvaluationContext(now, workspaceZone, personZone(personAttributes, workspaceZone));
  }

  /**
   * The zone named by the {@code timezone} attribute when it is a string naming a known zone
   * exactly, else {@code fallback}.
   */
  static ZoneId personZone(JsonObject attributes, ZoneId fallback) {
    if (attributes.get(TIMEZONE_ATTRIBUTE) instanceof JsonString name
        && KNOWN_ZONES.contains(name.getString())) {
      return ZoneId.of(name.getString());
    }
    return fallback;
  }

  /** The zone a comparison with this choice reads days in. */
  ZoneId zone(ZoneChoice choice) {
    return switch (choice) {
      case WORKSPACE -> workspaceZone;
      case PERSON -> personZone;
    };
  }
}
