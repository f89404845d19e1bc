package io.herald.journeys.api;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a journey.
 *
 * @param id unique in the journey (1 to 64 characters: letters, digits, {@code _ -})
 * @param type the kind of step
 * @param settings its settings, checked for its type by {@link JourneyJson}
 * @param next where a run goes after it: edge label → node id ({@link #NEXT} for the steps with one
 *     way on); a missing label ends the run there (completed)
 */
public record Node(String id, NodeType type, JsonObject settings, Map<String, String> next) {

  /** The label of a single-exit step's edge. */
  public static final String NEXT = "next";

  /** Copies the map. */
  public Node {
    next = Map.copyOf(next);
  }

  /** The node an edge leads to. */
  public Optional<String> after(String label) {
    return Optional.ofNullable(next.get(label));
  }
}
